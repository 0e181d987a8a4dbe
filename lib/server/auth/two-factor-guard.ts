import 'server-only';
import type { Db } from '@/db/client';
import { consume } from '@/db/queries/rate-limits';
import { tooManyRequests } from '@/lib/errors';

/**
 * Turning two-factor off and new recovery codes need the password and/or a code: a stolen
 * session cookie must not be able to guess them at full speed. Ten tries per account per 15 minutes.
 */
export async function limitTwoFactorChanges(db: Db, userId: string, now = new Date()): Promise<void> {
  const result = await consume(db, `two-factor-manage:${userId}`, { limit: 10, windowMs: 15 * 60_000 }, now);
  if (!result.allowed) {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    throw tooManyRequests(`Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
  }
}
