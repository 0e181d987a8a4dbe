import 'server-only';
import { lastAcceptedTotpStep, rememberAcceptedTotpStep, consumeRecoveryCode } from '@/db/queries/two-factor';
import type { Tx } from '@/db/queries/history';
import { hashRecoveryCode, looksLikeRecoveryCode } from '@/lib/auth/recovery-codes';
import { decryptTotpSecret, deriveTotpKey, looksLikeTotpCode, verifyTotp } from '@/lib/auth/totp';

let cachedKey: { master: string; key: Buffer } | undefined;

/** The key for TOTP secrets at rest, derived once from NEXTAUTH_SECRET. */
export function totpKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer {
  const master = env.NEXTAUTH_SECRET ?? '';
  if (cachedKey?.master !== master) cachedKey = { master, key: deriveTotpKey(master) };
  return cachedKey.key;
}

export type SecondFactorResult = { ok: true; method: 'totp' | 'recovery_code' } | { ok: false };

/**
 * Checks a TOTP code or a recovery code for the user and, when it is good, uses it up (the TOTP
 * step is remembered so the same code cannot be replayed; a recovery code is marked used).
 * Runs inside the caller's transaction, so checking and using up are one step: the TOTP step is
 * read under its lock (two requests with the same code queue; the second sees it used), and a
 * recovery code is used up by one conditional UPDATE.
 */
export async function verifyAndUseSecondFactor(tx: Tx, user: { id: string; totpSecret: string | null }, code: string, key: Buffer, now: Date): Promise<SecondFactorResult> {
  if (looksLikeTotpCode(code)) {
    const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret, key) : null;
    if (!secret) return { ok: false };
    const step = verifyTotp(secret, code, now.getTime());
    if (step === null) return { ok: false };
    const last = await lastAcceptedTotpStep(tx, user.id, now);
    if (last !== null && step <= last) return { ok: false };
    await rememberAcceptedTotpStep(tx, user.id, step, now);
    return { ok: true, method: 'totp' };
  }
  if (looksLikeRecoveryCode(code) && (await consumeRecoveryCode(tx, user.id, hashRecoveryCode(code), now))) return { ok: true, method: 'recovery_code' };
  return { ok: false };
}
