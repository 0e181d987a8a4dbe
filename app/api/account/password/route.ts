import { findUserById, setPasswordHash } from '@/db/queries/users';
import { apiRoute, readJson } from '@/lib/api/handler';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { AppError, unauthorized } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validations/auth';

export const PUT = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, changePasswordSchema);
  const row = findUserById(db, user.id);
  if (!row) throw unauthorized();
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('unprocessable', 'Your current password is not correct.', { fields: [{ path: 'currentPassword', message: 'Not correct.' }] });
  }
  setPasswordHash(db, user.id, await hashPassword(input.newPassword));
  return { ok: true };
}, { allowOneTimePassword: true });
