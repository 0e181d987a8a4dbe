import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, recoveryCodes, users, workspaces } from '../schema';
import type { Tx } from './history';
import { readCounter, writeCounter } from './rate-limits';

/**
 * Two-factor state of an account: the encrypted TOTP secret, whether it is confirmed, the last
 * accepted time step (so one code cannot be used twice) and the hashed recovery codes.
 * Callers pass their transaction and record the security event in it.
 */

/** Stores a new, unconfirmed secret (replacing an earlier unconfirmed one). False when 2FA is already on. */
export function storePendingTotpSecret(tx: Tx, userId: string, encryptedSecret: string): boolean {
  return tx.update(users).set({ totpSecret: encryptedSecret }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).run().changes > 0;
}

/** Confirms the pending secret; false when there is none or 2FA is already on. */
export function markTwoFactorEnabled(tx: Tx, userId: string, now: Date): boolean {
  return tx.update(users).set({ totpEnabledAt: now }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).run().changes > 0;
}

/** Turns 2FA off: forgets the secret and the recovery codes. */
export function clearTwoFactor(tx: Tx, userId: string): void {
  tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}

/** Replaces all recovery codes of the user with new (hashed) ones. */
export function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: string[], now: Date): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  if (codeHashes.length > 0) tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now }))).run();
}

/** Marks an unused code as used; true when it was one of the user's unused codes. */
export function consumeRecoveryCode(tx: Tx, userId: string, codeHash: string, now: Date): boolean {
  return (
    tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .run().changes > 0
  );
}

export function countUnusedRecoveryCodes(db: Tx, userId: string): number {
  return db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
}

// The last accepted TOTP step lives in rate_limits (count = step), a row per user, no schema change.
const stepKey = (userId: string) => `totp-step:${userId}`;
const FOREVER_MS = Number.MAX_SAFE_INTEGER;

export function lastAcceptedTotpStep(tx: Tx, userId: string, now: Date): number | null {
  const counter = readCounter(tx, stepKey(userId), FOREVER_MS, now);
  return counter.count > 0 ? counter.count : null;
}

export function rememberAcceptedTotpStep(tx: Tx, userId: string, step: number, now: Date): void {
  writeCounter(tx, { key: stepKey(userId), count: step, windowStartedAt: now, blockedUntil: null }, now);
}

/** Workspaces of the user that require 2FA (empty when none does), by name. */
export function workspacesRequiringTwoFactor(db: Tx, userId: string): Array<{ id: string; name: string }> {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(workspaces.requireTwoFactor, true)))
    .orderBy(asc(workspaces.name))
    .all();
}

/** Sets the workspace's requirement; answers whether it changed. */
export function setWorkspaceTwoFactorRequirement(tx: Tx, workspaceId: string, required: boolean): boolean {
  return tx.update(workspaces).set({ requireTwoFactor: required }).where(and(eq(workspaces.id, workspaceId), eq(workspaces.requireTwoFactor, !required))).run().changes > 0;
}

export function getWorkspaceTwoFactorRequirement(db: Db, workspaceId: string): boolean | null {
  return db.select({ required: workspaces.requireTwoFactor }).from(workspaces).where(eq(workspaces.id, workspaceId)).get()?.required ?? null;
}
