import { setSessionActionDone } from '@/db/queries/review-session-actions';
import { authorizeSession } from '@/db/queries/review-session-core';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite } from '@/lib/server/review-sessions';
import { updateSessionActionSchema } from '@/lib/validations/review-sessions';

/** Marks an action item done (or not): its assignee or the lead, also after the session ended. */
export const PATCH = apiRoute<{ sessionId: string; actionId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'article:read');
  const input = await readJson(req, updateSessionActionSchema);
  const write = await setSessionActionDone(db, { sessionId: session.id, actionId: params.actionId, userId: user.id, role, ...input });
  return afterSessionWrite(db, write, user, role);
});
