import { runSessionOp } from '@/db/queries/review-session-ops';
import { authorizeSession } from '@/db/queries/review-session-core';
import { getSessionView } from '@/db/queries/review-sessions';
import { emitEntity } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite, presentUserIds } from '@/lib/server/review-sessions';
import { sessionOpSchema } from '@/lib/validations/review-sessions';

/** The session as I see it (running or ended; an ended one carries its minutes). */
export const GET = apiRoute<{ sessionId: string }>(async ({ params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'article:read');
  return getSessionView(db, session.id, user.id, role, { presentUserIds: await presentUserIds(session.articleId) });
});

/** One lead operation (body: { op, … }, see lib/validations/review-sessions.ts); answers the session as I now see it. */
export const PATCH = apiRoute<{ sessionId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:join');
  const op = await readJson(req, sessionOpSchema);
  const write = await runSessionOp(db, { sessionId: session.id, actorId: user.id, role, op });
  // decide set the claim's final verdict through the existing write: its own event as that route sends it.
  if (write.claim) emitEntity('claim.updated', { workspaceId: write.workspaceId, articleId: write.articleId }, write.claim, user.id);
  return afterSessionWrite(db, write, user, role);
});
