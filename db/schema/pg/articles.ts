import { pgTable, text, integer, boolean, jsonb, index, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ARTICLE_STATUSES } from '@/lib/domain/statuses';
import { IMPORT_FORMATS } from '@/lib/domain/imports';
import { createdAt, id, updatedAt, version, TIMESTAMP } from './columns';
import { users } from './users';
import { workspaces } from './workspaces';

export const articles = pgTable(
  'articles',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    outlet: text('outlet').notNull().default(''),
    byline: text('byline').notNull().default(''),
    url: text('url'),
    /** ISO date (YYYY-MM-DD) the article was published. */
    publishedOn: text('published_on'),
    language: text('language').notNull().default('en'),
    /** Where the text came from (credit line), e.g. "Radio Farda / RFE/RL". */
    sourceCredit: text('source_credit').notNull().default(''),
    /** Tiptap JSON document: the reviewed text itself, never annotated with marks. */
    docJson: jsonb('doc_json').notNull(),
    /** Canonical plain text of docJson (lib/editor/doc-text), what selectors address. */
    plainText: text('plain_text').notNull(),
    /** Bumped on every text edit; claims record which revision they were anchored against. */
    revision: integer('revision').notNull().default(1),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /**
     * Floor for claim numbers: a new claim gets one above both this and the highest number in use
     * (createClaim). Raised to a deleted claim's number when the newest is deleted, so numbers are
     * never reused; claims are created without writing the article row.
     */
    claimCounter: integer('claim_counter').notNull().default(0),
    /** When the article was first published (null: never); set once, kept through corrections. */
    firstPublishedAt: timestamp('first_published_at', TIMESTAMP),
    blindReview: boolean('blind_review').notNull().default(false),
    /** See db/schema/sqlite/articles.ts. */
    importFormat: text('import_format', { enum: IMPORT_FORMATS }).notNull().default('text'),
    deletedAt: timestamp('deleted_at', TIMESTAMP),
    deletedBy: text('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('articles_workspace_slug_idx').on(t.workspaceId, t.slug),
    index('articles_workspace_idx').on(t.workspaceId),
    // Covering the per-article checks of search (trash, blind review, status, date) so they never read the stored document.
    index('articles_search_state_idx').on(t.id, t.deletedAt, t.blindReview, t.status, t.publishedOn, t.createdAt),
  ],
);
