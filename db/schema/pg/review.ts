import { pgTable, text, boolean, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version, TIMESTAMP } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { ratingLevels } from './rating-scales';
import { users } from './users';
import { workspaces } from './workspaces';

/** One reviewer's independent verdict on a claim (the final verdict lives on the claim). */
export const claimVerdicts = pgTable(
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

export const comments = pgTable(
  'comments',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Internal by default; a public comment is shown as a note from the desk on the claim's public page. */
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete keeps the thread's shape ("comment deleted") and the history intact. */
    deletedAt: timestamp('deleted_at', TIMESTAMP),
    version: version(),
  },
  (t) => [index('comments_claim_idx').on(t.claimId)],
);

export const mentions = pgTable(
  'mentions',
  {
    id: id(),
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', TIMESTAMP),
    createdAt: createdAt(),
  },
  (t) => [index('mentions_user_idx').on(t.userId)],
);

/** A claim (claimId set) or a whole article (claimId null) assigned to a reviewer. */
export const assignments = pgTable(
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
