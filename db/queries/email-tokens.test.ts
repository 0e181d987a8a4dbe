import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../client';
import { emailTokens, recoveryCodes, securityEvents, users } from '../schema';
import { consumeEmailToken, issueEmailToken, lookupEmailToken, requestPasswordReset, resetPassword, verifyEmail } from './email-tokens';
import { createSession, findActiveSession } from './sessions';

const HOUR = 60 * 60_000;
const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CLIENT = { ip: '198.51.100.4', userAgent: 'vitest' };

function setup(options: { verified?: boolean; twoFactor?: boolean } = {}) {
  const db = createTestDb();
  const user = db
    .insert(users)
    .values({ email: 'ana@example.org', name: 'Ana', passwordHash: 'old', emailVerifiedAt: options.verified ? T0 : null, ...(options.twoFactor ? { totpSecret: 'secret', totpEnabledAt: T0 } : {}) })
    .returning()
    .get();
  if (options.twoFactor) db.insert(recoveryCodes).values({ userId: user.id, codeHash: 'c' }).run();
  return { db, user };
}

describe('mailed account links', () => {
  it('verify an address once; the link dies after 24 h and after use', () => {
    const { db, user } = setup();
    const expired = issueEmailToken(db, user.id, 'verify_email', T0);
    expect(lookupEmailToken(db, expired.token, 'verify_email', at(24 * HOUR))).toEqual({ state: 'expired' });
    expect(() => verifyEmail(db, expired.token, CLIENT, at(24 * HOUR))).toThrow(/expired/);
    expect(db.select().from(users).get()!.emailVerifiedAt).toBeNull();

    const { token } = issueEmailToken(db, user.id, 'verify_email', at(25 * HOUR));
    expect(lookupEmailToken(db, token, 'verify_email', at(25 * HOUR))).toMatchObject({ state: 'valid', email: 'ana@example.org' });
    expect(verifyEmail(db, token, CLIENT, at(26 * HOUR))).toEqual({ userId: user.id, email: 'ana@example.org' });
    expect(db.select().from(users).get()!.emailVerifiedAt).toEqual(at(26 * HOUR));
    expect(() => verifyEmail(db, token, CLIENT, at(26 * HOUR))).toThrow(/already been used/);
    expect(db.select().from(securityEvents).all().map((e) => e.type)).toEqual(['email_verified']);
  });

  it('keep a link to its purpose, and a newer link kills the older one', () => {
    const { db, user } = setup();
    const reset = issueEmailToken(db, user.id, 'reset_password', T0);
    expect(() => verifyEmail(db, reset.token, CLIENT, T0)).toThrow(/not valid/);
    const newer = issueEmailToken(db, user.id, 'reset_password', at(1000));
    expect(lookupEmailToken(db, reset.token, 'reset_password', at(1000))).toEqual({ state: 'used' });
    expect(consumeEmailToken(db, newer.token, 'reset_password', at(2000))).toEqual({ userId: user.id });
    for (const bad of ['', 'short', null, 42, 'x'.repeat(43)]) expect(() => consumeEmailToken(db, bad, 'reset_password', T0)).toThrow(/not valid/);
    expect(db.select().from(emailTokens).all().every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });

  it('answer nothing for an unknown address (and log nothing)', () => {
    const { db } = setup();
    expect(requestPasswordReset(db, 'nobody@example.org', CLIENT, T0)).toBeNull();
    expect(db.select().from(emailTokens).all()).toEqual([]);
    expect(db.select().from(securityEvents).all()).toEqual([]);
  });

  it('reset a password within 1 h, verify the address, end every session, and log it', () => {
    const { db, user } = setup({ verified: true, twoFactor: true });
    const session = createSession(db, user.id, CLIENT, T0);
    const request = requestPasswordReset(db, ' ANA@example.org ', CLIENT, T0)!;
    expect(request.expiresAt).toEqual(at(HOUR));
    expect(() => resetPassword(db, request.token, 'new-hash', CLIENT, at(HOUR))).toThrow(/expired/);

    const again = requestPasswordReset(db, 'ana@example.org', CLIENT, at(HOUR))!;
    expect(resetPassword(db, again.token, 'new-hash', CLIENT, at(HOUR + 1000))).toEqual({ userId: user.id, email: 'ana@example.org', twoFactorCleared: false });
    const after = db.select().from(users).get()!;
    expect(after.passwordHash).toBe('new-hash');
    // A verified account keeps its two-factor setup.
    expect(after.totpSecret).toBe('secret');
    expect(db.select().from(recoveryCodes).all()).toHaveLength(1);
    expect(findActiveSession(db, session.id, user.id, at(HOUR + 2000))).toBeUndefined();
    expect(() => resetPassword(db, again.token, 'other', CLIENT, at(HOUR + 2000))).toThrow(/already been used/);
    const events = db.select().from(securityEvents).all();
    expect(events.map((e) => e.type)).toEqual(['password_reset_requested', 'password_reset_requested', 'password_reset']);
    expect(events[2]).toMatchObject({ userId: user.id, ip: '198.51.100.4', userAgent: 'vitest' });
  });

  it('clear two-factor on an account whose address was never proven, and verify it', () => {
    const { db, user } = setup({ verified: false, twoFactor: true });
    const { token } = requestPasswordReset(db, 'ana@example.org', CLIENT, T0)!;
    expect(resetPassword(db, token, 'new-hash', CLIENT, at(1000)).twoFactorCleared).toBe(true);
    const after = db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, emailVerifiedAt: at(1000), mustChangePassword: false });
    expect(db.select().from(recoveryCodes).all()).toEqual([]);
    expect(db.select().from(securityEvents).all().map((e) => e.type)).toEqual(['password_reset_requested', 'password_reset', 'email_verified']);
  });
});
