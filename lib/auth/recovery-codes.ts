import { createHash, randomBytes } from 'node:crypto';

/**
 * Recovery codes for two-factor sign-in: ten random codes shown once, stored as SHA-256 hashes.
 * Each has 50 random bits, so a fast hash is enough (unlike passwords, they cannot be guessed
 * from a dictionary); sign-in attempts are rate limited on top.
 */

export const RECOVERY_CODE_COUNT = 10;
// No look-alike characters (0/o, 1/l/i).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

/** `xxxxx-xxxxx`, lower case. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(GROUP * 2);
    let code = '';
    // 256 is not a multiple of 31: the tiny bias is irrelevant at 10 characters of ~4.95 bits.
    for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
    return `${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  const normalised = normaliseRecoveryCode(code);
  return normalised.length === GROUP * 2 && [...normalised].every((c) => ALPHABET.includes(c));
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
