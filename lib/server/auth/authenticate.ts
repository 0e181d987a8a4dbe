import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import type { Tx } from '@/db/queries/history';
import { lockedTransaction, readCounter, writeCounter } from '@/db/queries/rate-limits';
import { transaction } from '@/db/transaction';
import { recordSecurityEvent } from '@/db/queries/security-events';
import { createSession } from '@/db/queries/sessions';
import { findUserByEmail } from '@/db/queries/users';
import type { ClientInfo } from '@/lib/api/client-info';
import { signInSchema } from '@/lib/validations/auth';
import { hashPassword, verifyPassword as argon2Verify } from '@/lib/auth/password';
import { verifyAndUseSecondFactor } from './second-factor';
import { releaseAfterSuccess, releaseReservation, reserveAttempt, SIGN_IN_POLICY, signInKeys, type SignInCounters, type SignInPolicy } from '@/lib/auth/sign-in-limiter';

/**
 * Sign-in, without next-auth: the limiter reserves the attempt first, then the password is
 * checked, then (for accounts with two-factor on) the code; a complete sign-in creates the
 * session row whose id goes into the cookie. lib/auth/options.ts turns the outcome into what
 * next-auth expects.
 */

export type AuthenticateOutcome =
  | { status: 'signed_in'; user: { id: string; email: string; name: string }; sessionId: string }
  /** Malformed input, unknown email or wrong password: one answer for all, so nothing leaks. */
  | { status: 'invalid' }
  | { status: 'locked'; retryAfterMs: number }
  /** The password was right and the account has two-factor on: ask for the code. */
  | { status: 'code_required' }
  | { status: 'code_invalid' };

export interface AuthenticateDeps {
  db: Db;
  client: ClientInfo;
  /** Key for TOTP secrets at rest (lib/auth/second-factor totpKeyFromEnv). */
  totpKey: Buffer;
  now?: () => Date;
  verifyPassword?: (passwordHash: string, password: string) => Promise<boolean>;
  policy?: SignInPolicy;
}

// Unknown emails are checked against this hash, so they take as long as known ones.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  return dummyHash;
}

export async function authenticate(credentials: unknown, deps: AuthenticateDeps): Promise<AuthenticateOutcome> {
  const { db, client } = deps;
  const now = deps.now ?? (() => new Date());
  const verify = deps.verifyPassword ?? argon2Verify;
  const policy = deps.policy ?? SIGN_IN_POLICY;
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { status: 'invalid' };
  const { email, password, code } = parsed.data;
  const keys = signInKeys(email, client.ip);

  const counterKeys = [keys.address, keys.account, keys.pair];
  const readCounters = async (tx: Tx, at: Date): Promise<SignInCounters> => ({
    address: await readCounter(tx, keys.address, policy.windowMs, at),
    account: await readCounter(tx, keys.account, policy.windowMs, at),
    pair: await readCounter(tx, keys.pair, policy.windowMs, at),
  });
  const writeCounters = async (tx: Tx, counters: SignInCounters, at: Date) => {
    await writeCounter(tx, counters.address, at);
    await writeCounter(tx, counters.account, at);
    await writeCounter(tx, counters.pair, at);
  };

  // 1. Count the attempt before verifying anything: parallel guesses queue here one by one
  //    (the transaction holds the three counters' locks).
  const reservedAt = now();
  const reservation = await lockedTransaction(db, counterKeys, async (tx) => {
    const decision = reserveAttempt(await readCounters(tx, reservedAt), reservedAt, policy);
    if (decision.allowed) await writeCounters(tx, decision.counters, reservedAt);
    else {
      const userId = (await findUserByEmail(tx, email))?.id ?? null;
      await recordSecurityEvent(tx, { type: 'sign_in_locked', userId, detail: { email, reason: decision.reason, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) }, client });
    }
    return decision;
  });
  if (!reservation.allowed) return { status: 'locked', retryAfterMs: reservation.retryAfterMs };

  // 2. The password (argon2 is slow: outside any transaction, so no lock is held meanwhile).
  const user = await findUserByEmail(db, email);
  const passwordOk = (await verify(user?.passwordHash ?? (await dummyPasswordHash()), password)) && user !== undefined;
  if (!passwordOk || !user) {
    await transaction(db, (tx) => recordSecurityEvent(tx, { type: 'sign_in_failed', userId: user?.id ?? null, detail: { email, reason: 'password' }, client }));
    return { status: 'invalid' };
  }

  // 3. The second factor, checked and used up in the same transaction that signs in.
  return lockedTransaction(db, counterKeys, async (tx): Promise<AuthenticateOutcome> => {
    const at = now();
    const twoFactor = user.totpEnabledAt !== null;
    if (twoFactor && !code) {
      await writeCounters(tx, releaseReservation(await readCounters(tx, at), policy), at);
      return { status: 'code_required' };
    }
    let method: 'password' | 'totp' | 'recovery_code' = 'password';
    if (twoFactor && code) {
      const second = await verifyAndUseSecondFactor(tx, user, code, deps.totpKey, at);
      if (!second.ok) {
        await recordSecurityEvent(tx, { type: 'sign_in_failed', userId: user.id, detail: { email, reason: 'two_factor' }, client });
        return { status: 'code_invalid' };
      }
      method = second.method;
    }
    await writeCounters(tx, releaseAfterSuccess(await readCounters(tx, at), policy), at);
    const session = await createSession(tx, user.id, client, at);
    await recordSecurityEvent(tx, { type: 'sign_in', userId: user.id, detail: { method, sessionId: session.id }, client });
    if (method === 'recovery_code') await recordSecurityEvent(tx, { type: 'recovery_code_used', userId: user.id, client });
    return { status: 'signed_in', user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id };
  });
}
