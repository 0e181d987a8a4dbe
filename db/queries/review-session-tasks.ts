import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { articles, claims, memberships, reviewSessionActions, reviewSessions, users } from '../schema';
import type { SessionTaskQueueItem } from '@/lib/domain/review-sessions';

/** Session tasks in My queue (db/queries/assignments.ts myQueue); kept apart from review-session-actions.ts, which imports the assignment write. */

/**
 * My open session tasks (kind task, not done), across my workspaces: articles not in the trash,
 * workspaces I still belong to. Oldest first.
 */
export async function mySessionTasks(db: Db, userId: string): Promise<SessionTaskQueueItem[]> {
  const creator = alias(users, 'creator');
  const rows = await db
    .select({
      id: reviewSessionActions.id,
      sessionId: reviewSessions.id,
      articleId: articles.id,
      articleTitle: articles.title,
      text: reviewSessionActions.text,
      claimId: reviewSessionActions.claimId,
      claimNumber: claims.number,
      sessionStartedAt: reviewSessions.startedAt,
      createdByName: creator.name,
      version: reviewSessionActions.version,
    })
    .from(reviewSessionActions)
    .innerJoin(reviewSessions, eq(reviewSessions.id, reviewSessionActions.sessionId))
    .innerJoin(articles, eq(articles.id, reviewSessions.articleId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, reviewSessions.workspaceId), eq(memberships.userId, userId)))
    .leftJoin(claims, eq(claims.id, reviewSessionActions.claimId))
    .leftJoin(creator, eq(creator.id, reviewSessionActions.createdBy))
    .where(and(eq(reviewSessionActions.assigneeId, userId), eq(reviewSessionActions.kind, 'task'), isNull(reviewSessionActions.doneAt), isNull(articles.deletedAt)))
    .orderBy(asc(reviewSessionActions.createdAt), asc(reviewSessionActions.id));
  return rows.map((r) => ({ ...r, claimNumber: r.claimNumber ?? null, sessionStartedAt: r.sessionStartedAt.toISOString() }));
}
