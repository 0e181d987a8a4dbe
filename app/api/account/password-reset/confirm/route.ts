import { lookupEmailToken, resetPassword } from '@/db/queries/email-tokens';
import { clientInfo } from '@/lib/api/client-info';
import { publicApiRoute, readJson } from '@/lib/server/api/handler';
import { hashPassword } from '@/lib/auth/password';
import { DEAD_LINK_MESSAGES } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { resetPasswordSchema } from '@/lib/validations/invitations';

/** Sets a new password through a mailed reset link; every session of the account ends. */
export const POST = publicApiRoute(async ({ req, db }) => {
  const input = await readJson(req, resetPasswordSchema);
  const found = await lookupEmailToken(db, input.token, 'reset_password');
  if (found.state !== 'valid') throw new AppError('unprocessable', DEAD_LINK_MESSAGES[found.state]);
  const passwordHash = await hashPassword(input.password);
  const { email } = await resetPassword(db, input.token, passwordHash, clientInfo(req.headers));
  return { ok: true, email };
});
