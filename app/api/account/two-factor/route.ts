import { recordSecurityEvent } from '@/db/queries/security-events';
import { clearTwoFactor, markTwoFactorEnabled, rememberAcceptedTotpStep, replaceRecoveryCodes } from '@/db/queries/two-factor';
import { findUserById } from '@/db/queries/users';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { verifyPassword } from '@/lib/auth/password';
import { generateRecoveryCodes, hashRecoveryCode } from '@/lib/auth/recovery-codes';
import { totpKeyFromEnv, verifyAndUseSecondFactor } from '@/lib/server/auth/second-factor';
import { decryptTotpSecret, verifyTotp } from '@/lib/auth/totp';
import { limitTwoFactorChanges } from '@/lib/server/auth/two-factor-guard';
import { AppError, unauthorized } from '@/lib/errors';
import { confirmTwoFactorSchema, disableTwoFactorSchema } from '@/lib/validations/two-factor';
import { transaction } from '@/db/transaction';

const fieldError = (path: string, message: string) => new AppError('unprocessable', message, { fields: [{ path, message }] });

/** Confirms setup with a first code from the app: two-factor is on; answers the recovery codes (shown once). */
export const POST = apiRoute(
  async ({ req, user, db }) => {
    const { code } = await readJson(req, confirmTwoFactorSchema);
    const now = new Date();
    const recoveryCodes = generateRecoveryCodes();
    await transaction(db, async (tx) => {
      const row = await findUserById(tx, user.id);
      if (!row) throw unauthorized();
      if (row.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is already on.');
      const secret = row.totpSecret ? decryptTotpSecret(row.totpSecret, totpKeyFromEnv()) : null;
      if (!secret) throw new AppError('conflict', 'Start the setup first (Set up two-factor).');
      const step = verifyTotp(secret, code, now.getTime());
      if (step === null) throw fieldError('code', 'That code does not match. Check the time on your phone and enter the current code.');
      // Of two confirmations racing, only one finds two-factor still off.
      if (!(await markTwoFactorEnabled(tx, user.id, now))) throw new AppError('conflict', 'Two-factor sign-in is already on.');
      await rememberAcceptedTotpStep(tx, user.id, step, now);
      await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode), now);
      await recordSecurityEvent(tx, { type: 'two_factor_enabled', userId: user.id, client: clientInfo(req.headers) });
    });
    return { recoveryCodes };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);

/** Turns two-factor off: needs the password and a current code (or a recovery code). */
export const DELETE = apiRoute(
  async ({ req, user, db }) => {
    const input = await readJson(req, disableTwoFactorSchema);
    await limitTwoFactorChanges(db, user.id);
    const row = await findUserById(db, user.id);
    if (!row) throw unauthorized();
    if (!row.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is not on.');
    if (!(await verifyPassword(row.passwordHash, input.password))) throw fieldError('password', 'Your password is not correct.');
    await transaction(db, async (tx) => {
      const fresh = await findUserById(tx, user.id);
      if (!fresh?.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is not on.');
      if (!(await verifyAndUseSecondFactor(tx, fresh, input.code, totpKeyFromEnv(), new Date())).ok) throw fieldError('code', 'That code is not valid.');
      await clearTwoFactor(tx, user.id);
      await recordSecurityEvent(tx, { type: 'two_factor_disabled', userId: user.id, client: clientInfo(req.headers) });
    });
    return { ok: true };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
