import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, what every
 * authenticator app speaks) and encryption of the shared secret at rest. Pure: the clock and
 * the master key are arguments.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes from one step before or after the current one are accepted (clock drift, slow typing). */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Claimdesk';

const CODE_PATTERN = /^\d{6}$/;

/** A fresh 160-bit shared secret, base32 (the "manual key" people type into an app). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, account = ''): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: account, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/** The code for a moment (for tests and scripts; the server only verifies). */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}

/** The time step (30-second counter) a moment falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** Spaces and dashes people type between digit groups are ignored. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export function looksLikeTotpCode(code: string): boolean {
  return CODE_PATTERN.test(normaliseTotpCode(code));
}

/**
 * Checks a code against the secret at `nowMs`, within ±TOTP_WINDOW steps. Answers the time step
 * the code belongs to (so the caller can refuse a replay of it), or null when it does not match.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number): number | null {
  const token = normaliseTotpCode(code);
  if (!CODE_PATTERN.test(token)) return null;
  let delta: number | null;
  try {
    delta = totp(secretBase32).validate({ token, timestamp: nowMs, window: TOTP_WINDOW });
  } catch {
    return null; // a malformed stored secret reads as "wrong code"
  }
  return delta === null ? null : totpStep(nowMs) + delta;
}

// --- the secret at rest -----------------------------------------------------------------------

const ENCRYPTION_VERSION = 'v1';

/** A 256-bit key for secrets at rest, derived from the app's master secret (NEXTAUTH_SECRET). */
export function deriveTotpKey(masterSecret: string): Buffer {
  if (!masterSecret) throw new Error('A master secret is needed to encrypt two-factor secrets.');
  return Buffer.from(hkdfSync('sha256', masterSecret, 'claimdesk', 'totp-secret-encryption-v1', 32));
}

/** AES-256-GCM with a random 96-bit nonce: `v1.<nonce>.<ciphertext>.<tag>` (base64url). */
export function encryptTotpSecret(secretBase32: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return [ENCRYPTION_VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plain secret, or null when the stored value is malformed, tampered with or under another key. */
export function decryptTotpSecret(stored: string, key: Buffer): string | null {
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== ENCRYPTION_VERSION) return null;
  const [, iv, ciphertext, tag] = parts as [string, string, string, string];
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    const tagBytes = Buffer.from(tag, 'base64url');
    if (tagBytes.length !== 16) return null;
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
