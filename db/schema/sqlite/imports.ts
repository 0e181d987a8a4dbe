import type { JSONContent } from '@tiptap/core';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ARCHIVE_STATUSES, ARTICLE_UPDATE_STATUSES, type ExtractedMetadata } from '@/lib/domain/imports';
import { createdAt, id } from './columns';
import { articles } from './articles';
import { sources } from './sources';
import { users } from './users';

/**
 * A re-fetched version of a URL article ("Check for updates") whose text differs from the
 * revision it was compared with: kept until an editor accepts it (a new text revision) or
 * dismisses it, so the diff the editor saw is the text that is saved.
 */
export const articleUpdates = sqliteTable(
  'article_updates',
  {
    id: id(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** The article's text revision the fetched text was compared with. */
    baseRevision: integer('base_revision').notNull(),
    /** The URL the text came from after redirects. */
    url: text('url').notNull(),
    fetchedAt: integer('fetched_at', { mode: 'timestamp_ms' }).notNull(),
    /** The fetched article as an editor document (checked by lib/editor/article-schema). */
    docJson: text('doc_json', { mode: 'json' }).$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull(),
    metadata: text('metadata', { mode: 'json' }).$type<ExtractedMetadata>().notNull(),
    status: text('status', { enum: ARTICLE_UPDATE_STATUSES }).notNull().default('pending'),
    /** The text revision accepting it created. */
    acceptedRevision: integer('accepted_revision'),
    /** The correction note written when accepting on an article published before (offered when it is republished). */
    note: text('note'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('article_updates_article_idx').on(t.articleId, t.createdAt)],
);

/**
 * A copy of a cited source taken when it was attached (or again on request): the page as fetched,
 * its readable text, and a PDF rendered with scripts off, so the evidence survives link rot and
 * silent edits. The newest row of a source is the one shown.
 */
export const sourceArchives = sqliteTable(
  'source_archives',
  {
    id: id(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** The source's URL when the copy was asked for. */
    requestedUrl: text('requested_url').notNull(),
    /** Where the page was found after redirects (null until fetched). */
    finalUrl: text('final_url'),
    status: text('status', { enum: ARCHIVE_STATUSES }).notNull().default('pending'),
    /** Why taking the copy failed, for people (null unless failed). */
    error: text('error'),
    contentType: text('content_type'),
    title: text('title').notNull().default(''),
    /** The page's HTML as fetched (served only sandboxed, scripts and remote loads off). */
    html: text('html'),
    /** The readable article (Readability), sanitised HTML, and its plain text. */
    readableHtml: text('readable_html'),
    readableText: text('readable_text'),
    pdf: blob('pdf', { mode: 'buffer' }),
    /** When the page was fetched (null until done). */
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('source_archives_source_idx').on(t.sourceId, t.createdAt)],
);
