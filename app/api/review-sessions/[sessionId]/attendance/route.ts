import { changeAttendance } from '@/db/queries/review-session-attendance';
import { authorizeSession } from '@/db/queries/review-session-core';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { afterSessionWrite } from '@/lib/server/review-sessions';
import { attendanceSchema } from '@/lib/validations/review-sessions';

/** Join, leave, follow the lead or break away (any member, viewers included). */
export const POST = apiRoute<{ sessionId: string }>(async ({ req, params, user, db }) => {
  const { session, role } = await authorizeSession(db, user.id, params.sessionId, 'session:join');
  const { action } = await readJson(req, attendanceSchema);
  const write = await changeAttendance(db, { sessionId: session.id, userId: user.id, role, action });
  return afterSessionWrite(db, write, user, role);
});
