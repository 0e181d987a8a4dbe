import { createHash, randomBytes } from 'node:crypto';

/**
 * Single-use links mailed to an address (invitations, email verification, password reset).
 * The link carries 32 random bytes (base64url); the database keeps only their SHA-256, so a
 * leaked database cannot be turned into working links.
 */
export const TOKEN_BYTES = 32;

const HOUR_MS = 60 * 60_000;
/** How long each kind of link works. Short where the link alone grants a password change. */
export const TOKEN_TTL_MS = {
  invitation: 7 * 24 * HOUR_MS,
  verify_email: 24 * HOUR_MS,
  reset_password: HOUR_MS,
} as const;
export type TokenKind = keyof typeof TOKEN_TTL_MS;

/** 32 random bytes as base64url: 43 characters, safe in a URL path. */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token we could have issued: anything else is refused before touching the database. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function tokenExpiry(kind: TokenKind, now: Date): Date {
  return new Date(now.getTime() + TOKEN_TTL_MS[kind]);
}

export type TokenState = 'valid' | 'expired' | 'used' | 'revoked';

/** Where a stored link stands at `now`. Used and revoked win over expired: they are final. */
export function tokenState(row: { expiresAt: Date; usedAt?: Date | null; revokedAt?: Date | null }, now: Date): TokenState {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** What the person holding a dead link is told. */
export const DEAD_LINK_MESSAGES: Record<Exclude<TokenState, 'valid'> | 'invalid', string> = {
  invalid: 'This link is not valid. Check that you copied all of it.',
  expired: 'This link has expired. Ask for a new one.',
  used: 'This link has already been used. Each link works once.',
  revoked: 'This link was withdrawn. Ask for a new one.',
};
