import type { JSONContent } from '@tiptap/core';
import { customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ARCHIVE_STATUSES, ARTICLE_UPDATE_STATUSES, type ExtractedMetadata } from '@/lib/domain/imports';
import { createdAt, id, TIMESTAMP } from './columns';
import { articles } from './articles';
import { sources } from './sources';
import { users } from './users';

/** PostgreSQL bytes, read and written as a Buffer (SQLite's blob({ mode: 'buffer' })). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** See db/schema/sqlite/imports.ts. */
export const articleUpdates = pgTable(
  'article_updates',
  {
    id: id(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    baseRevision: integer('base_revision').notNull(),
    url: text('url').notNull(),
    fetchedAt: timestamp('fetched_at', TIMESTAMP).notNull(),
    docJson: jsonb('doc_json').$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull(),
    metadata: jsonb('metadata').$type<ExtractedMetadata>().notNull(),
    status: text('status', { enum: ARTICLE_UPDATE_STATUSES }).notNull().default('pending'),
    acceptedRevision: integer('accepted_revision'),
    /** The correction note written when accepting on an article published before (offered when it is republished). */
    note: text('note'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', TIMESTAMP),
    createdAt: createdAt(),
  },
  (t) => [index('article_updates_article_idx').on(t.articleId, t.createdAt)],
);

/** See db/schema/sqlite/imports.ts. */
export const sourceArchives = pgTable(
  'source_archives',
  {
    id: id(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    requestedUrl: text('requested_url').notNull(),
    finalUrl: text('final_url'),
    status: text('status', { enum: ARCHIVE_STATUSES }).notNull().default('pending'),
    error: text('error'),
    contentType: text('content_type'),
    title: text('title').notNull().default(''),
    html: text('html'),
    readableHtml: text('readable_html'),
    readableText: text('readable_text'),
    pdf: bytea('pdf'),
    takenAt: timestamp('taken_at', TIMESTAMP),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('source_archives_source_idx').on(t.sourceId, t.createdAt)],
);
