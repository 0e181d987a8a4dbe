import { createSessionAction } from '@/db/queries/review-session-actions';
import { authorizeSession } from '@/db/queries/review-session-core';
import { emitEntity } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite } from '@/lib/server/review-sessions';
import { createSessionActionSchema } from '@/lib/validations/review-sessions';

/** Adds an action item (the lead): a claim assigned to a member (an assignment) or a task for their My queue. */
export const POST = apiRoute<{ sessionId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:lead');
  const input = await readJson(req, createSessionActionSchema);
  const write = await createSessionAction(db, { sessionId: session.id, userId: user.id, role, input });
  const made = write.assignment;
  if (made?.created) emitEntity('assignment.created', { workspaceId: made.assignment.workspaceId, articleId: made.assignment.articleId, claimId: made.assignment.claimId }, { id: made.assignment.id, version: null }, user.id);
  return Response.json(await afterSessionWrite(db, write, user, role), { status: 201 });
});
