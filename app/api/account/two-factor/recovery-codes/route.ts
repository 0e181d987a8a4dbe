import { recordSecurityEvent } from '@/db/queries/security-events';
import { replaceRecoveryCodes } from '@/db/queries/two-factor';
import { findUserById } from '@/db/queries/users';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { generateRecoveryCodes, hashRecoveryCode } from '@/lib/auth/recovery-codes';
import { totpKeyFromEnv, verifyAndUseSecondFactor } from '@/lib/server/auth/second-factor';
import { limitTwoFactorChanges } from '@/lib/server/auth/two-factor-guard';
import { AppError, unauthorized } from '@/lib/errors';
import { regenerateRecoveryCodesSchema } from '@/lib/validations/two-factor';
import { transaction } from '@/db/transaction';

/** New recovery codes (the old ones stop working); needs a current code. Answers the codes, shown once. */
export const POST = apiRoute(
  async ({ req, user, db }) => {
    const { code } = await readJson(req, regenerateRecoveryCodesSchema);
    await limitTwoFactorChanges(db, user.id);
    const now = new Date();
    const recoveryCodes = generateRecoveryCodes();
    await transaction(db, async (tx) => {
      const row = await findUserById(tx, user.id);
      if (!row) throw unauthorized();
      if (!row.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is not on.');
      if (!(await verifyAndUseSecondFactor(tx, row, code, totpKeyFromEnv(), now)).ok) throw new AppError('unprocessable', 'That code is not valid.', { fields: [{ path: 'code', message: 'That code is not valid.' }] });
      await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode), now);
      await recordSecurityEvent(tx, { type: 'recovery_codes_regenerated', userId: user.id, client: clientInfo(req.headers) });
    });
    return { recoveryCodes };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
