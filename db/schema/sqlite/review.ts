import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { ratingLevels } from './rating-scales';
import { users } from './users';
import { workspaces } from './workspaces';

/** One reviewer's independent verdict on a claim (the final verdict lives on the claim). */
export const claimVerdicts = sqliteTable(
  'claim_verdicts',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    verdictId: text('verdict_id')
      .notNull()
      .references(() => ratingLevels.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('claim_verdicts_claim_user_idx').on(t.claimId, t.userId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Internal by default; a public comment is shown as a note from the desk on the claim's public page. */
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete keeps the thread's shape ("comment deleted") and the history intact. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    version: version(),
  },
  (t) => [index('comments_claim_idx').on(t.claimId)],
);

export const mentions = sqliteTable(
  'mentions',
  {
    id: id(),
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('mentions_user_idx').on(t.userId)],
);

/** A claim (claimId set) or a whole article (claimId null) assigned to a reviewer. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    assigneeId: text('assignee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('assignments_assignee_idx').on(t.assigneeId), index('assignments_article_idx').on(t.articleId)],
);
