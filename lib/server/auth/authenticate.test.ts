import { asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { recoveryCodes, securityEvents, sessions, users } from '@/db/schema';
import { createTestDb } from '@/db/test-db';
import { transaction } from '@/db/transaction';
import { authenticate, dummyPasswordHash, type AuthenticateDeps } from './authenticate';
import { hashRecoveryCode } from '@/lib/auth/recovery-codes';
import { SIGN_IN_POLICY } from '@/lib/auth/sign-in-limiter';
import { deriveTotpKey, encryptTotpSecret, generateTotpSecret, totpCode } from '@/lib/auth/totp';

const KEY = deriveTotpKey('test-master-secret');
const T0 = 1_700_000_000_000;

/** A stand-in for argon2 that takes a little while (so parallel calls really overlap) and records what it checked. */
function slowVerify() {
  return vi.fn(async (passwordHash: string, password: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return passwordHash === `hash:${password}`;
  });
}

async function setup() {
  const db = await createTestDb();
  const [ana, bob] = await transaction(db, (tx) =>
    tx
      .insert(users)
      .values([
        { email: 'ana@example.org', name: 'Ana', passwordHash: 'hash:right-password' },
        { email: 'bob@example.org', name: 'Bob', passwordHash: 'hash:bobs-password' },
      ])
      .returning(),
  );
  let now = T0;
  const verify = slowVerify();
  const deps = (ip = '203.0.113.1'): AuthenticateDeps => ({ db, client: { ip, userAgent: 'vitest' }, totpKey: KEY, now: () => new Date(now), verifyPassword: verify });
  return { db, ana: ana!, bob: bob!, verify, deps, tick: (ms: number) => (now += ms), now: () => now };
}

// In the order they were logged (created_at increases strictly within a process).
const events = (db: Db) => db.select().from(securityEvents).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id));

async function enableTwoFactor(db: Db, userId: string) {
  const secret = generateTotpSecret();
  await transaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: encryptTotpSecret(secret, KEY), totpEnabledAt: new Date(T0 - 60_000) })
      .where(eq(users.id, userId));
    await tx.insert(recoveryCodes).values({ userId, codeHash: hashRecoveryCode('abcde-fghjk') });
  });
  return secret;
}

describe('authenticate', () => {
  it('signs in with the right password: a session row and a sign_in event', async () => {
    const { db, ana, deps } = await setup();
    const outcome = await authenticate({ email: ' ANA@example.org ', password: 'right-password' }, deps());
    expect(outcome).toMatchObject({ status: 'signed_in', user: { id: ana.id, email: 'ana@example.org', name: 'Ana' } });
    const [row] = await db.select().from(sessions).limit(1);
    expect(outcome.status === 'signed_in' && outcome.sessionId).toBe(row?.id);
    expect(row).toMatchObject({ userId: ana.id, ip: '203.0.113.1', userAgent: 'vitest' });
    expect((await events(db)).map((e) => e.type)).toEqual(['sign_in']);
  });

  it('a wrong password is "invalid" and logged with the email and the account', async () => {
    const { db, ana, deps } = await setup();
    expect(await authenticate({ email: 'ana@example.org', password: 'guess' }, deps())).toEqual({ status: 'invalid' });
    expect(await events(db)).toMatchObject([{ type: 'sign_in_failed', userId: ana.id, detail: { email: 'ana@example.org', reason: 'password' }, ip: '203.0.113.1' }]);
    expect(await db.select().from(sessions)).toHaveLength(0);
  });

  it('an unknown email is verified against the dummy hash, so it costs the same as a known one', async () => {
    const { db, deps, verify } = await setup();
    expect(await authenticate({ email: 'nobody@example.org', password: 'guess' }, deps())).toEqual({ status: 'invalid' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]![0]).toBe(await dummyPasswordHash());
    expect(verify.mock.calls[0]![0]).toMatch(/^\$argon2id\$/);
    expect(await events(db)).toMatchObject([{ type: 'sign_in_failed', userId: null, detail: { email: 'nobody@example.org' } }]);
  });

  it('malformed input is "invalid" without touching the database or verifying', async () => {
    const { db, deps, verify } = await setup();
    for (const bad of [null, 'x', {}, { email: 'not-an-email', password: 'x' }, { email: 'ana@example.org', password: '' }, { email: 'ana@example.org', password: 'x'.repeat(201) }]) {
      expect(await authenticate(bad, deps())).toEqual({ status: 'invalid' });
    }
    expect(verify).not.toHaveBeenCalled();
    expect(await events(db)).toHaveLength(0);
  });

  it('50 parallel wrong guesses: only the free attempts are verified, the rest refused before verifying', async () => {
    const { db, deps, verify } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate({ email: 'ana@example.org', password: `guess-${i}` }, deps())));
    expect(verify.mock.calls.length).toBeLessThanOrEqual(SIGN_IN_POLICY.accountFreeAttempts);
    expect(outcomes.filter((o) => o.status === 'invalid')).toHaveLength(verify.mock.calls.length);
    expect(outcomes.filter((o) => o.status === 'locked')).toHaveLength(50 - verify.mock.calls.length);
    expect((await events(db)).filter((e) => e.type === 'sign_in_locked').length).toBe(50 - verify.mock.calls.length);
  });

  it('the back-off doubles for the guessing address, and the real user elsewhere still gets in', async () => {
    const { deps, tick } = await setup();
    const guess = () => authenticate({ email: 'ana@example.org', password: 'guess' }, deps('198.51.100.7'));
    for (let i = 0; i < 5; i += 1) expect((await guess()).status).toBe('invalid');
    expect(await guess()).toEqual({ status: 'locked', retryAfterMs: 1000 });
    tick(1000);
    expect((await guess()).status).toBe('invalid'); // 6th attempt: 2 s back-off
    tick(1999);
    expect(await guess()).toEqual({ status: 'locked', retryAfterMs: 1 });
    tick(1);
    expect((await guess()).status).toBe('invalid'); // 7th: 4 s
    expect(await guess()).toEqual({ status: 'locked', retryAfterMs: 4000 });
    // The account is backing off, but Ana's own address has not failed: she signs in.
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password' }, deps('192.0.2.44'))).status).toBe('signed_in');
    // ...and the attacker is still held back.
    expect((await guess()).status).toBe('locked');
  });

  it('caps one address at ten attempts per account per window, then the window starts over', async () => {
    const { deps, tick } = await setup();
    const guess = () => authenticate({ email: 'ana@example.org', password: 'guess' }, deps());
    let verified = 0;
    for (let i = 0; i < 40; i += 1) {
      if ((await guess()).status === 'invalid') verified += 1;
      tick(60_000); // outwait any back-off, stay within one 15-minute window for the first 14
    }
    // 15-minute windows over 40 minutes: at most ten verified guesses in each of three windows.
    expect(verified).toBeLessThanOrEqual(30);
    expect(verified).toBeGreaterThanOrEqual(20);
  });

  it('one address spraying many accounts is stopped by the per-address limit, even with a right password', async () => {
    const { deps } = await setup();
    for (let i = 0; i < SIGN_IN_POLICY.addressLimit; i += 1) expect((await authenticate({ email: `user${i}@example.org`, password: 'guess' }, deps('198.51.100.9'))).status).toBe('invalid');
    expect((await authenticate({ email: 'bob@example.org', password: 'bobs-password' }, deps('198.51.100.9'))).status).toBe('locked');
    expect((await authenticate({ email: 'bob@example.org', password: 'bobs-password' }, deps('192.0.2.1'))).status).toBe('signed_in');
  });

  it('successful sign-ins never use up an address’s allowance', async () => {
    const { deps } = await setup();
    for (let i = 0; i < SIGN_IN_POLICY.addressLimit + 20; i += 1) expect((await authenticate({ email: 'ana@example.org', password: 'right-password' }, deps('127.0.0.1'))).status).toBe('signed_in');
    expect((await authenticate({ email: 'ana@example.org', password: 'guess' }, deps('127.0.0.1'))).status).toBe('invalid');
  });

  it('a success clears this address’s failures at the account', async () => {
    const { deps } = await setup();
    for (let i = 0; i < 4; i += 1) await authenticate({ email: 'ana@example.org', password: 'guess' }, deps());
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password' }, deps())).status).toBe('signed_in');
    for (let i = 0; i < 4; i += 1) expect((await authenticate({ email: 'ana@example.org', password: 'guess' }, deps())).status).toBe('invalid');
  });
});

describe('authenticate with two-factor sign-in', () => {
  it('asks for the code only after the right password, without counting a failure', async () => {
    const { db, ana, deps } = await setup();
    await enableTwoFactor(db, ana.id);
    expect(await authenticate({ email: 'ana@example.org', password: 'guess' }, deps())).toEqual({ status: 'invalid' });
    for (let i = 0; i < 20; i += 1) expect(await authenticate({ email: 'ana@example.org', password: 'right-password' }, deps())).toEqual({ status: 'code_required' });
    expect(await db.select().from(sessions)).toHaveLength(0);
  });

  it('signs in with the current code once; the same code cannot be replayed', async () => {
    const { db, ana, deps, now } = await setup();
    const secret = await enableTwoFactor(db, ana.id);
    const code = totpCode(secret, now());
    const outcome = await authenticate({ email: 'ana@example.org', password: 'right-password', code }, deps());
    expect(outcome.status).toBe('signed_in');
    expect((await events(db)).find((e) => e.type === 'sign_in')?.detail).toMatchObject({ method: 'totp' });
    expect(await authenticate({ email: 'ana@example.org', password: 'right-password', code }, deps())).toEqual({ status: 'code_invalid' });
  });

  it('two sign-ins racing with the same code: exactly one gets in', async () => {
    const { db, ana, deps, now } = await setup();
    const secret = await enableTwoFactor(db, ana.id);
    const code = totpCode(secret, now());
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => authenticate({ email: 'ana@example.org', password: 'right-password', code }, deps(`203.0.113.${10 + i}`))));
    expect(outcomes.filter((o) => o.status === 'signed_in')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'code_invalid')).toHaveLength(4);
    expect(await db.select().from(sessions)).toHaveLength(1);
  });

  it('accepts the previous step’s code but not one two steps old', async () => {
    const { db, ana, deps, now } = await setup();
    const secret = await enableTwoFactor(db, ana.id);
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password', code: totpCode(secret, now() - 30_000) }, deps())).status).toBe('signed_in');
    const stale = totpCode(secret, now() - 90_000);
    const current = [-30_000, 0, 30_000].map((d) => totpCode(secret, now() + d));
    if (!current.includes(stale)) expect((await authenticate({ email: 'ana@example.org', password: 'right-password', code: stale }, deps())).status).toBe('code_invalid');
  });

  it('a wrong code is logged and counted like a wrong password', async () => {
    const { db, ana, deps, now } = await setup();
    const secret = await enableTwoFactor(db, ana.id);
    const wrong = String((Number(totpCode(secret, now())) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i += 1) expect((await authenticate({ email: 'ana@example.org', password: 'right-password', code: wrong }, deps())).status).toBe('code_invalid');
    expect((await events(db)).filter((e) => e.type === 'sign_in_failed' && (e.detail as { reason: string }).reason === 'two_factor')).toHaveLength(5);
    // Leaving the code out in between does not reset the count.
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password' }, deps())).status).toBe('locked');
  });

  it('a recovery code works once and is logged', async () => {
    const { db, ana, deps } = await setup();
    await enableTwoFactor(db, ana.id);
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password', code: 'ABCDE FGHJK' }, deps())).status).toBe('signed_in');
    expect((await events(db)).map((e) => e.type)).toEqual(['sign_in', 'recovery_code_used']);
    expect((await authenticate({ email: 'ana@example.org', password: 'right-password', code: 'abcde-fghjk' }, deps())).status).toBe('code_invalid');
  });

  it('a code never stands in for a wrong password', async () => {
    const { db, ana, deps, now } = await setup();
    const secret = await enableTwoFactor(db, ana.id);
    expect(await authenticate({ email: 'ana@example.org', password: 'guess', code: totpCode(secret, now()) }, deps())).toEqual({ status: 'invalid' });
  });
});
