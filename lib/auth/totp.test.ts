import { describe, expect, it } from 'vitest';
import { decryptTotpSecret, deriveTotpKey, encryptTotpSecret, generateTotpSecret, looksLikeTotpCode, totpCode, totpStep, totpUri, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (ASCII) in base32; the RFC lists
// 8-digit codes, whose last six digits are the 6-digit codes.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1_111_111_109, '081804'],
  [1_111_111_111, '050471'],
  [1_234_567_890, '005924'],
  [2_000_000_000, '279037'],
];

describe('TOTP codes', () => {
  it.each(RFC_VECTORS)('at %i s the RFC 6238 code is %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(verifyTotp(RFC_SECRET, code, seconds * 1000)).toBe(totpStep(seconds * 1000));
  });

  it('accepts the previous and next step, not two steps away', () => {
    const now = 1_700_000_000_000;
    const secret = generateTotpSecret();
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    // Codes two steps away could collide with a neighbour by chance (1 in 10^6): check the step, not just null.
    const farPast = verifyTotp(secret, totpCode(secret, now - 60_000), now);
    const farFuture = verifyTotp(secret, totpCode(secret, now + 60_000), now);
    expect(farPast === null || Math.abs(farPast - step) <= 1).toBe(true);
    expect(farFuture === null || Math.abs(farFuture - step) <= 1).toBe(true);
    expect(verifyTotp(RFC_SECRET, '287082', 59_000 + 90_000)).toBeNull();
  });

  it('refuses wrong and malformed codes', () => {
    const now = 59_000;
    expect(verifyTotp(RFC_SECRET, '287083', now)).toBeNull();
    for (const bad of ['', '28708', '2870822', 'abcdef', '28 70 8x', '２８７０８２']) expect(verifyTotp(RFC_SECRET, bad, now)).toBeNull();
    // Spaces and dashes between digit groups are fine.
    expect(verifyTotp(RFC_SECRET, '287 082', now)).not.toBeNull();
    expect(verifyTotp(RFC_SECRET, '287-082', now)).not.toBeNull();
    expect(looksLikeTotpCode('287 082')).toBe(true);
    expect(looksLikeTotpCode('abcde-fghjk')).toBe(false);
  });

  it('a malformed stored secret reads as a wrong code, never a crash', () => {
    expect(verifyTotp('not base32 !!', '123456', 59_000)).toBeNull();
  });

  it('generates distinct 160-bit secrets and a URI apps can read', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(a);
    const uri = totpUri(a, 'ana@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Claimdesk:ana%40example\.org\?/);
    expect(uri).toContain(`secret=${a}`);
    expect(uri).toContain('issuer=Claimdesk');
  });
});

describe('the secret at rest', () => {
  const key = deriveTotpKey('a-master-secret-of-the-app');

  it('round-trips and never stores the plain secret', () => {
    const secret = generateTotpSecret();
    const stored = encryptTotpSecret(secret, key);
    expect(stored).not.toContain(secret);
    expect(stored).not.toBe(encryptTotpSecret(secret, key)); // fresh nonce each time
    expect(decryptTotpSecret(stored, key)).toBe(secret);
  });

  it('refuses a tampered ciphertext, tag or nonce', () => {
    const stored = encryptTotpSecret(generateTotpSecret(), key);
    const [version, iv, ciphertext, tag] = stored.split('.') as [string, string, string, string];
    const flip = (s: string) => {
      const bytes = Buffer.from(s, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    expect(decryptTotpSecret([version, iv, flip(ciphertext), tag].join('.'), key)).toBeNull();
    expect(decryptTotpSecret([version, iv, ciphertext, flip(tag)].join('.'), key)).toBeNull();
    expect(decryptTotpSecret([version, flip(iv), ciphertext, tag].join('.'), key)).toBeNull();
  });

  it('refuses another key and malformed values', () => {
    const stored = encryptTotpSecret(generateTotpSecret(), key);
    expect(decryptTotpSecret(stored, deriveTotpKey('another-secret'))).toBeNull();
    for (const bad of ['', 'v1', 'v1.a.b', 'v2.a.b.c', 'plain-base32-secret', `${stored}.extra`]) expect(decryptTotpSecret(bad, key)).toBeNull();
  });

  it('needs a master secret', () => {
    expect(() => deriveTotpKey('')).toThrow(/master secret/);
  });
});
