import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { TIMESTAMP } from './columns';

/**
 * Multi-instance plumbing, PostgreSQL only (one SQLite process keeps these in memory):
 * the durable live events every instance can replay from, and who has which article open.
 * Both hold ids and versions only, never article content; rows expire (retention / heartbeats).
 */

/** Live events in commit order: `id` is the SSE event id a reconnecting client sends back. */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    articleId: text('article_id'),
    /** The event as clients receive it, minus `seq` (the id). */
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', TIMESTAMP).notNull().defaultNow(),
  },
  (t) => [index('live_events_workspace_idx').on(t.workspaceId, t.id), index('live_events_created_idx').on(t.createdAt)],
);

/** One open event stream (a browser tab) on an article, on whichever instance holds it. */
export const presenceConnections = pgTable(
  'presence_connections',
  {
    connectionId: text('connection_id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    articleId: text('article_id').notNull(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    openClaimId: text('open_claim_id'),
    /** When openClaimId last changed: the latest opened claim is the one shown for the person. */
    changedAt: timestamp('changed_at', TIMESTAMP).notNull(),
    lastSeen: timestamp('last_seen', TIMESTAMP).notNull(),
    instanceId: text('instance_id').notNull(),
  },
  (t) => [index('presence_article_idx').on(t.articleId)],
);
