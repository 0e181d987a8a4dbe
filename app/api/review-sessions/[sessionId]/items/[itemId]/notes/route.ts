import { authorizeSession } from '@/db/queries/review-session-core';
import { createSessionNote } from '@/db/queries/review-session-notes';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite } from '@/lib/server/review-sessions';
import { createSessionNoteSchema } from '@/lib/validations/review-sessions';

/** Adds my note to an agenda item (reviewers and up). */
export const POST = apiRoute<{ sessionId: string; itemId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:note');
  const { body } = await readJson(req, createSessionNoteSchema);
  const write = await createSessionNote(db, { sessionId: session.id, itemId: params.itemId, userId: user.id, role, body });
  return Response.json(await afterSessionWrite(db, write, user, role), { status: 201 });
});
