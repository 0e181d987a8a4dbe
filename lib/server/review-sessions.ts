import 'server-only';
import type { Db } from '@/db/client';
import type { SessionWriteResult } from '@/db/queries/review-session-ops';
import { getSessionView } from '@/db/queries/review-sessions';
import type { ReviewSessionView } from '@/lib/domain/review-sessions';
import type { Role } from '@/lib/domain/roles';
import { emitEntity } from '@/lib/events/emit';
import { getPresence } from '@/lib/events/presence';

/** Route glue shared by the review-session routes (app/api/review-sessions, app/api/articles/[articleId]/review-sessions). */

/** Who is looking at the article right now (presence registry, any instance): the eligible voters are among them. */
export async function presentUserIds(articleId: string): Promise<ReadonlySet<string>> {
  const viewers = await getPresence().snapshot(articleId);
  return new Set(viewers.map((v) => v.userId));
}

/**
 * The session.updated event of a committed session write: one per claim whose visible state changed
 * when there are several (ending a session with open votes), so every tab refetches each claim.
 */
export function emitSessionUpdated(write: SessionWriteResult, actorId: string): void {
  const claimIds: Array<string | null> = write.claimIds?.length ? write.claimIds : [write.claimId];
  for (const claimId of claimIds) {
    emitEntity('session.updated', { workspaceId: write.workspaceId, articleId: write.articleId, claimId }, { id: write.sessionId, version: write.version }, actorId);
  }
}

/** After a session write: the event, then the session as the actor now sees it (the response). */
export async function afterSessionWrite(db: Db, write: SessionWriteResult, user: { id: string }, role: Role): Promise<ReviewSessionView> {
  emitSessionUpdated(write, user.id);
  return getSessionView(db, write.sessionId, user.id, role, { presentUserIds: await presentUserIds(write.articleId) });
}
