import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AGENDA_REASONS, REVIEW_SESSION_STATUSES, SESSION_ACTION_KINDS, SESSION_ITEM_OUTCOMES, SESSION_VOTE_STATES, type SessionMinutes, type SessionVoteResult } from '@/lib/domain/review-sessions';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { ratingLevels } from './rating-scales';
import { assignments } from './review';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * The desk's fact-check meeting on one article. At most one `running` session per article (the
 * partial unique index); `minutes` is the frozen record written when it ends.
 */
export const reviewSessions = sqliteTable(
  'review_sessions',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    status: text('status', { enum: REVIEW_SESSION_STATUSES }).notNull().default('running'),
    leadId: text('lead_id').references(() => users.id, { onDelete: 'set null' }),
    startedBy: text('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    /** The agenda item everyone following looks at (review_session_items.id; no FK: items reference the session). */
    currentItemId: text('current_item_id'),
    /** When the current item became current: its timebox counts from here. */
    itemStartedAt: integer('item_started_at', { mode: 'timestamp_ms' }),
    minutes: text('minutes', { mode: 'json' }).$type<SessionMinutes>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('review_sessions_article_idx').on(t.articleId, t.startedAt),
    uniqueIndex('review_sessions_one_running_idx').on(t.articleId).where(sql`status = 'running'`),
  ],
);

/** One agenda item: a claim to decide. The claim's number and quote are kept for the minutes. */
export const reviewSessionItems = sqliteTable(
  'review_session_items',
  {
    id: id(),
    sessionId: text('session_id')
      .notNull()
      .references(() => reviewSessions.id, { onDelete: 'cascade' }),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'set null' }),
    claimNumber: integer('claim_number'),
    claimQuote: text('claim_quote').notNull().default(''),
    position: integer('position').notNull(),
    reason: text('reason', { enum: AGENDA_REASONS }).notNull(),
    outcome: text('outcome', { enum: SESSION_ITEM_OUTCOMES }).notNull().default('pending'),
    outcomeNote: text('outcome_note').notNull().default(''),
    decidedVerdictId: text('decided_verdict_id').references(() => ratingLevels.id, { onDelete: 'set null' }),
    /** Key and label of the decided level at the time (the level may be renamed or deleted later). */
    decidedVerdictKey: text('decided_verdict_key'),
    decidedVerdictLabel: text('decided_verdict_label'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    timeboxSeconds: integer('timebox_seconds'),
    voteState: text('vote_state', { enum: SESSION_VOTE_STATES }).notNull().default('none'),
    voteCalledAt: integer('vote_called_at', { mode: 'timestamp_ms' }),
    voteRevealedAt: integer('vote_revealed_at', { mode: 'timestamp_ms' }),
    /** The votes as revealed (and again when decided): what the minutes record. */
    votes: text('votes', { mode: 'json' }).$type<SessionVoteResult[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('review_session_items_session_idx').on(t.sessionId, t.position), index('review_session_items_claim_idx').on(t.claimId, t.voteState)],
);

/** Notes on an agenda item, one row per note: who wrote what. */
export const reviewSessionNotes = sqliteTable(
  'review_session_notes',
  {
    id: id(),
    sessionId: text('session_id')
      .notNull()
      .references(() => reviewSessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => reviewSessionItems.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('review_session_notes_item_idx').on(t.itemId)],
);

/** An action item: a claim assigned (with its assignments row) or a task, for one member. */
export const reviewSessionActions = sqliteTable(
  'review_session_actions',
  {
    id: id(),
    sessionId: text('session_id')
      .notNull()
      .references(() => reviewSessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => reviewSessionItems.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: SESSION_ACTION_KINDS }).notNull(),
    assigneeId: text('assignee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'set null' }),
    assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
    text: text('text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('review_session_actions_session_idx').on(t.sessionId), index('review_session_actions_assignee_idx').on(t.assigneeId, t.doneAt)],
);

/** One join-to-leave interval of a participant; `leftAt` null while joined. */
export const reviewSessionAttendance = sqliteTable(
  'review_session_attendance',
  {
    id: id(),
    sessionId: text('session_id')
      .notNull()
      .references(() => reviewSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
    leftAt: integer('left_at', { mode: 'timestamp_ms' }),
    /** Following the lead's current item (false: broken away). */
    following: integer('following', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('review_session_attendance_session_idx').on(t.sessionId, t.userId)],
);
