import { pgTable, text, integer, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import type { TextChange } from '@/lib/text/diff';
import type { JSONContent } from '@tiptap/core';
import { createdAt } from './columns';
import { articles } from './articles';
import { users } from './users';

/** See db/schema/sqlite/article-revisions.ts. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    changes: jsonb('changes').$type<TextChange[]>().notNull(),
    snapshot: text('snapshot'),
    docJson: jsonb('doc_json').$type<JSONContent>(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.revision] })],
);
