import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { emailTokens, recoveryCodes, users } from '../schema';
import { transaction } from '../transaction';
import type { EmailTokenPurpose } from '@/lib/domain/security';
import type { ClientInfo } from '@/lib/api/client-info';
import { DEAD_LINK_MESSAGES, generateToken, hashToken, isWellFormedToken, tokenExpiry, tokenState } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import type { Tx } from './history';
import { recordSecurityEvent } from './security-events';
import { revokeUserSessions } from './sessions';

/**
 * Single-use links mailed to an account's own address: email verification and password reset.
 * Issuing a new link kills the account's earlier unused links of the same purpose, and using one
 * is a single conditional UPDATE, so two clicks (or two tabs) can never both succeed.
 */

/** Creates a link token (returned once; only its hash is stored). Earlier unused ones of that purpose die. */
export async function issueEmailToken(tx: Tx, userId: string, purpose: EmailTokenPurpose, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  return transaction(tx, async (t) => {
    await t
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
    const token = generateToken();
    const expiresAt = tokenExpiry(purpose, now);
    await t.insert(emailTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now });
    return { token, expiresAt };
  });
}

export type EmailLinkLookup =
  | { state: 'valid'; userId: string; email: string; name: string; expiresAt: Date }
  | { state: 'invalid' | 'expired' | 'used' };

/** Where a link stands, for the page that opens it (nothing is changed). */
export async function lookupEmailToken(db: Db, token: unknown, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailLinkLookup> {
  if (!isWellFormedToken(token)) return { state: 'invalid' };
  const [row] = await db
    .select({ token: emailTokens, email: users.email, name: users.name })
    .from(emailTokens)
    .innerJoin(users, eq(users.id, emailTokens.userId))
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)))
    .limit(1);
  if (!row) return { state: 'invalid' };
  const state = tokenState(row.token, now);
  if (state === 'revoked') return { state: 'used' };
  if (state !== 'valid') return { state };
  return { state: 'valid', userId: row.token.userId, email: row.email, name: row.name, expiresAt: row.token.expiresAt };
}

/** Uses the link inside the caller's transaction and answers whose it was; a dead link throws 422. */
export async function consumeEmailToken(tx: Tx, token: unknown, purpose: EmailTokenPurpose, now = new Date()): Promise<{ userId: string }> {
  if (!isWellFormedToken(token)) throw new AppError('unprocessable', DEAD_LINK_MESSAGES.invalid);
  const tokenHash = hashToken(token);
  return transaction(tx, async (t) => {
    const [used] = await t
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
      .returning({ userId: emailTokens.userId });
    if (used) return used;
    const [row] = await t
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose)))
      .limit(1);
    const state = row ? tokenState(row, now) : 'invalid';
    throw new AppError('unprocessable', DEAD_LINK_MESSAGES[state === 'valid' || state === 'revoked' ? 'used' : state]);
  });
}

/** Marks the address proven (once; later links change nothing) and logs it. */
export async function verifyEmail(db: Db, token: unknown, client: ClientInfo | null, now = new Date()): Promise<{ userId: string; email: string }> {
  return transaction(db, async (tx) => {
    const { userId } = await consumeEmailToken(tx, token, 'verify_email', now);
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw new AppError('unprocessable', DEAD_LINK_MESSAGES.invalid);
    if (!user.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, userId));
      await recordSecurityEvent(tx, { type: 'email_verified', userId, client });
    }
    return { userId, email: user.email };
  });
}

/**
 * Starts a password reset for `email`: the link to mail, or null when no account has that address
 * (the caller answers the same either way).
 */
export async function requestPasswordReset(db: Db, email: string, client: ClientInfo | null, now = new Date()): Promise<{ token: string; expiresAt: Date; name: string; email: string } | null> {
  return transaction(db, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
      .limit(1);
    if (!user) return null;
    const issued = await issueEmailToken(tx, user.id, 'reset_password', now);
    await recordSecurityEvent(tx, { type: 'password_reset_requested', userId: user.id, client });
    return { ...issued, name: user.name, email: user.email };
  });
}

/**
 * Sets a new password through a reset link (hash it first: argon2 is slow, and the transaction
 * should not hold the database's write lock meanwhile).
 * Following the link proves the mailbox, so the address becomes verified. Every session ends.
 * If the address had never been proven, whoever set the account up may not be its mailbox owner:
 * their two-factor settings and recovery codes are cleared too.
 */
export async function resetPassword(db: Db, token: unknown, passwordHash: string, client: ClientInfo | null, now = new Date()): Promise<{ userId: string; email: string; twoFactorCleared: boolean }> {
  return transaction(db, async (tx) => {
    const { userId } = await consumeEmailToken(tx, token, 'reset_password', now);
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw new AppError('unprocessable', DEAD_LINK_MESSAGES.invalid);
    const wasVerified = user.emailVerifiedAt !== null;
    const hasRecoveryCodes = async () => (await tx.select({ id: recoveryCodes.id }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).limit(1)).length > 0;
    const twoFactorCleared = !wasVerified && (user.totpSecret !== null || user.totpEnabledAt !== null || (await hasRecoveryCodes()));
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, emailVerifiedAt: user.emailVerifiedAt ?? now, ...(wasVerified ? {} : { totpSecret: null, totpEnabledAt: null }) })
      .where(eq(users.id, userId));
    if (!wasVerified) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    // Nobody may stay signed in with the old password, and no other reset link may be used later.
    await revokeUserSessions(tx, userId, {}, now);
    await tx
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'reset_password'), isNull(emailTokens.usedAt)));
    await recordSecurityEvent(tx, { type: 'password_reset', userId, client, detail: { emailVerifiedNow: !wasVerified, twoFactorCleared } });
    if (!wasVerified) await recordSecurityEvent(tx, { type: 'email_verified', userId, client, detail: { through: 'password_reset' } });
    return { userId, email: user.email, twoFactorCleared };
  });
}
