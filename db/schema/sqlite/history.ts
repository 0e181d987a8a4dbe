import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Append-only audit log, written in the same transaction as the change it records.
 * `entityType`/`entityId` name the changed row; `claimId`/`articleId` let timelines be read per claim or article.
 */
export const historyEntries = sqliteTable(
  'history_entries',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id'),
    claimId: text('claim_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    createdAt: createdAt(),
  },
  (t) => [index('history_claim_idx').on(t.claimId), index('history_article_idx').on(t.articleId)],
);
