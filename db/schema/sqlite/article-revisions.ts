import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import type { TextChange } from '@/lib/text/diff';
import type { JSONContent } from '@tiptap/core';
import { createdAt } from './columns';
import { articles } from './articles';
import { users } from './users';

/**
 * Every text revision of an article, stored once (db/queries/article-revisions.ts): the changes
 * against the previous revision, plus the full plain text (and document) as a snapshot for the
 * first revision, every SNAPSHOT_EVERY-th and after a large change. Any revision's text is its
 * nearest snapshot at or before it with the later changes applied. History rows of text saves
 * refer to revisions instead of holding both full texts.
 */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    /** TextChange[] (lib/text/diff) turning the previous revision's plain text into this one's; [] for a first or backfilled revision. */
    changes: text('changes', { mode: 'json' }).$type<TextChange[]>().notNull(),
    /** The full plain text of this revision, or null when it is to be rebuilt from an earlier snapshot. */
    snapshot: text('snapshot'),
    /** The document (Tiptap JSON) beside a snapshot; null otherwise. */
    docJson: text('doc_json', { mode: 'json' }).$type<JSONContent>(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.revision] })],
);
