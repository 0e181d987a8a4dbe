import { recordSecurityEvent } from '@/db/queries/security-events';
import { revokeUserSessions } from '@/db/queries/sessions';
import { findUserById, setPasswordHash } from '@/db/queries/users';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { AppError, unauthorized } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validations/auth';
import { transaction } from '@/db/transaction';

/** Changes the caller's password and signs out every other browser of theirs (this one stays). */
export const PUT = apiRoute(
  async ({ req, user, db }) => {
    const input = await readJson(req, changePasswordSchema);
    const row = await findUserById(db, user.id);
    if (!row) throw unauthorized();
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new AppError('unprocessable', 'Your current password is not correct.', { fields: [{ path: 'currentPassword', message: 'Not correct.' }] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const signedOut = await transaction(db, async (tx) => {
      await setPasswordHash(tx, user.id, passwordHash);
      const count = await revokeUserSessions(tx, user.id, { exceptSessionId: user.sessionId });
      await recordSecurityEvent(tx, { type: 'password_changed', userId: user.id, detail: { otherSessionsEnded: count }, client: clientInfo(req.headers) });
      return count;
    });
    return { ok: true, otherSessionsEnded: signedOut };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
