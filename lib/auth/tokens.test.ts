import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken, TOKEN_TTL_MS, tokenExpiry, tokenState } from './tokens';

describe('mailed link tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('are stored as their SHA-256 only', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses malformed input before any lookup', () => {
    expect(isWellFormedToken(generateToken())).toBe(true);
    for (const bad of ['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`, null, undefined, 42, { token: 'x' }]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });

  it('expire after 7 days (invitation), 24 h (verification) and 1 h (password reset)', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(tokenExpiry('invitation', now).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(tokenExpiry('verify_email', now).toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(tokenExpiry('reset_password', now).toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(TOKEN_TTL_MS.reset_password).toBeLessThan(TOKEN_TTL_MS.verify_email);
  });

  it('are valid until their expiry, then expired; used and revoked are final', () => {
    const expiresAt = new Date(10_000);
    expect(tokenState({ expiresAt }, new Date(9_999))).toBe('valid');
    expect(tokenState({ expiresAt }, new Date(10_000))).toBe('expired');
    expect(tokenState({ expiresAt, usedAt: new Date(5_000) }, new Date(6_000))).toBe('used');
    expect(tokenState({ expiresAt, revokedAt: new Date(5_000) }, new Date(20_000))).toBe('revoked');
  });
});
