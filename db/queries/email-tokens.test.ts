import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { emailTokens, recoveryCodes, securityEvents, users } from '../schema';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { consumeEmailToken, issueEmailToken, lookupEmailToken, requestPasswordReset, resetPassword, verifyEmail } from './email-tokens';
import { createSession, findActiveSession } from './sessions';

const HOUR = 60 * 60_000;
const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CLIENT = { ip: '198.51.100.4', userAgent: 'vitest' };

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

async function setup(options: { verified?: boolean; twoFactor?: boolean } = {}) {
  const user = await transaction(db, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: 'ana@example.org', name: 'Ana', passwordHash: 'old', emailVerifiedAt: options.verified ? T0 : null, ...(options.twoFactor ? { totpSecret: 'secret', totpEnabledAt: T0 } : {}) })
      .returning();
    if (options.twoFactor) await tx.insert(recoveryCodes).values({ userId: row!.id, codeHash: 'c' });
    return row!;
  });
  return { db, user };
}

const firstUser = async () => (await db.select().from(users).limit(1))[0]!;
// In the order they were logged (created_at increases strictly within a process).
const loggedEvents = () => db.select().from(securityEvents).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id));

describe('mailed account links', () => {
  it('verify an address once; the link dies after 24 h and after use', async () => {
    const { db, user } = await setup();
    const expired = await issueEmailToken(db, user.id, 'verify_email', T0);
    expect(await lookupEmailToken(db, expired.token, 'verify_email', at(24 * HOUR))).toEqual({ state: 'expired' });
    await expect(verifyEmail(db, expired.token, CLIENT, at(24 * HOUR))).rejects.toThrow(/expired/);
    expect((await firstUser()).emailVerifiedAt).toBeNull();

    const { token } = await issueEmailToken(db, user.id, 'verify_email', at(25 * HOUR));
    expect(await lookupEmailToken(db, token, 'verify_email', at(25 * HOUR))).toMatchObject({ state: 'valid', email: 'ana@example.org' });
    expect(await verifyEmail(db, token, CLIENT, at(26 * HOUR))).toEqual({ userId: user.id, email: 'ana@example.org' });
    expect((await firstUser()).emailVerifiedAt).toEqual(at(26 * HOUR));
    await expect(verifyEmail(db, token, CLIENT, at(26 * HOUR))).rejects.toThrow(/already been used/);
    expect((await loggedEvents()).map((e) => e.type)).toEqual(['email_verified']);
  });

  it('keep a link to its purpose, and a newer link kills the older one', async () => {
    const { db, user } = await setup();
    const reset = await issueEmailToken(db, user.id, 'reset_password', T0);
    await expect(verifyEmail(db, reset.token, CLIENT, T0)).rejects.toThrow(/not valid/);
    const newer = await issueEmailToken(db, user.id, 'reset_password', at(1000));
    expect(await lookupEmailToken(db, reset.token, 'reset_password', at(1000))).toEqual({ state: 'used' });
    expect(await consumeEmailToken(db, newer.token, 'reset_password', at(2000))).toEqual({ userId: user.id });
    for (const bad of ['', 'short', null, 42, 'x'.repeat(43)]) await expect(consumeEmailToken(db, bad, 'reset_password', T0)).rejects.toThrow(/not valid/);
    expect((await db.select().from(emailTokens)).every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });

  it('answer nothing for an unknown address (and log nothing)', async () => {
    const { db } = await setup();
    expect(await requestPasswordReset(db, 'nobody@example.org', CLIENT, T0)).toBeNull();
    expect(await db.select().from(emailTokens)).toEqual([]);
    expect(await db.select().from(securityEvents)).toEqual([]);
  });

  it('reset a password within 1 h, verify the address, end every session, and log it', async () => {
    const { db, user } = await setup({ verified: true, twoFactor: true });
    const session = await createSession(db, user.id, CLIENT, T0);
    const request = (await requestPasswordReset(db, ' ANA@example.org ', CLIENT, T0))!;
    expect(request.expiresAt).toEqual(at(HOUR));
    await expect(resetPassword(db, request.token, 'new-hash', CLIENT, at(HOUR))).rejects.toThrow(/expired/);

    const again = (await requestPasswordReset(db, 'ana@example.org', CLIENT, at(HOUR)))!;
    expect(await resetPassword(db, again.token, 'new-hash', CLIENT, at(HOUR + 1000))).toEqual({ userId: user.id, email: 'ana@example.org', twoFactorCleared: false });
    const after = await firstUser();
    expect(after.passwordHash).toBe('new-hash');
    // A verified account keeps its two-factor setup.
    expect(after.totpSecret).toBe('secret');
    expect(await db.select().from(recoveryCodes)).toHaveLength(1);
    expect(await findActiveSession(db, session.id, user.id, at(HOUR + 2000))).toBeUndefined();
    await expect(resetPassword(db, again.token, 'other', CLIENT, at(HOUR + 2000))).rejects.toThrow(/already been used/);
    const events = await loggedEvents();
    expect(events.map((e) => e.type)).toEqual(['password_reset_requested', 'password_reset_requested', 'password_reset']);
    expect(events[2]).toMatchObject({ userId: user.id, ip: '198.51.100.4', userAgent: 'vitest' });
  });

  it('clear two-factor on an account whose address was never proven, and verify it', async () => {
    const { db, user } = await setup({ verified: false, twoFactor: true });
    const { token } = (await requestPasswordReset(db, 'ana@example.org', CLIENT, T0))!;
    expect((await resetPassword(db, token, 'new-hash', CLIENT, at(1000))).twoFactorCleared).toBe(true);
    const [after] = await db.select().from(users).where(eq(users.id, user.id)).limit(1);
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, emailVerifiedAt: at(1000), mustChangePassword: false });
    expect(await db.select().from(recoveryCodes)).toEqual([]);
    expect((await loggedEvents()).map((e) => e.type)).toEqual(['password_reset_requested', 'password_reset', 'email_verified']);
  });
});
