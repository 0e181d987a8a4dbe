import { storePendingTotpSecret } from '@/db/queries/two-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { totpKeyFromEnv } from '@/lib/server/auth/second-factor';
import { encryptTotpSecret, generateTotpSecret } from '@/lib/auth/totp';
import { setupView } from '@/lib/auth/two-factor-setup';
import { AppError } from '@/lib/errors';
import { transaction } from '@/db/transaction';

/** Starts setting up two-factor sign-in: a fresh secret (stored encrypted, not yet on) and its QR code. */
export const POST = apiRoute(
  async ({ user, db }) => {
    if (user.twoFactorEnabled) throw new AppError('conflict', 'Two-factor sign-in is already on. Turn it off first to set up a new app.');
    const secret = generateTotpSecret();
    const stored = await transaction(db, (tx) => storePendingTotpSecret(tx, user.id, encryptTotpSecret(secret, totpKeyFromEnv())));
    if (!stored) throw new AppError('conflict', 'Two-factor sign-in is already on.');
    return setupView(secret, user.email);
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
