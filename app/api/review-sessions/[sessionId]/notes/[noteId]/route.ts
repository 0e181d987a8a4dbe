import { authorizeSession } from '@/db/queries/review-session-core';
import { deleteSessionNote, updateSessionNote } from '@/db/queries/review-session-notes';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite } from '@/lib/server/review-sessions';
import { deleteSessionNoteSchema, updateSessionNoteSchema } from '@/lib/validations/review-sessions';

/** Changes my own note. */
export const PATCH = apiRoute<{ sessionId: string; noteId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:note');
  const input = await readJson(req, updateSessionNoteSchema);
  const write = await updateSessionNote(db, { sessionId: session.id, noteId: params.noteId, userId: user.id, role, ...input });
  return afterSessionWrite(db, write, user, role);
});

/** Deletes my own note (body: { version }). */
export const DELETE = apiRoute<{ sessionId: string; noteId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:note');
  const { version } = await readJson(req, deleteSessionNoteSchema);
  const write = await deleteSessionNote(db, { sessionId: session.id, noteId: params.noteId, userId: user.id, role, version });
  return afterSessionWrite(db, write, user, role);
});
