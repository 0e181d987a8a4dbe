import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, recoveryCodes, users, workspaces } from '../schema';
import { transaction } from '../transaction';
import type { Tx } from './history';
import { lockCounters, readCounter, writeCounter } from './rate-limits';

/**
 * Two-factor state of an account: the encrypted TOTP secret, whether it is confirmed, the last
 * accepted time step (so one code cannot be used twice) and the hashed recovery codes.
 * Callers pass their transaction and record the security event in it.
 */

/** Stores a new, unconfirmed secret (replacing an earlier unconfirmed one). False when 2FA is already on. */
export async function storePendingTotpSecret(tx: Tx, userId: string, encryptedSecret: string): Promise<boolean> {
  return transaction(tx, async (t) => {
    const stored = await t.update(users).set({ totpSecret: encryptedSecret }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).returning({ id: users.id });
    return stored.length > 0;
  });
}

/** Confirms the pending secret; false when there is none or 2FA is already on. */
export async function markTwoFactorEnabled(tx: Tx, userId: string, now: Date): Promise<boolean> {
  return transaction(tx, async (t) => {
    const enabled = await t.update(users).set({ totpEnabledAt: now }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).returning({ id: users.id });
    return enabled.length > 0;
  });
}

/** Turns 2FA off: forgets the secret and the recovery codes. */
export async function clearTwoFactor(tx: Tx, userId: string): Promise<void> {
  await transaction(tx, async (t) => {
    await t.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, userId));
    await t.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  });
}

/** Replaces all recovery codes of the user with new (hashed) ones. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: string[], now: Date): Promise<void> {
  await transaction(tx, async (t) => {
    await t.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (codeHashes.length > 0) await t.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
  });
}

/** Marks an unused code as used; true when it was one of the user's unused codes. */
export async function consumeRecoveryCode(tx: Tx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  return transaction(tx, async (t) => {
    // One conditional UPDATE: of two requests using the same code, only one finds it unused.
    const used = await t
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length > 0;
  });
}

export async function countUnusedRecoveryCodes(db: Tx, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

// The last accepted TOTP step lives in rate_limits (count = step), a row per user, no schema change.
const stepKey = (userId: string) => `totp-step:${userId}`;
const FOREVER_MS = Number.MAX_SAFE_INTEGER;

/**
 * The last step accepted for the user. Inside the caller's transaction, it also takes the step's
 * lock until that transaction ends: two requests with the same code cannot both find it unused.
 */
export async function lastAcceptedTotpStep(tx: Tx, userId: string, now: Date): Promise<number | null> {
  await lockCounters(tx, [stepKey(userId)]);
  const counter = await readCounter(tx, stepKey(userId), FOREVER_MS, now);
  return counter.count > 0 ? counter.count : null;
}

export async function rememberAcceptedTotpStep(tx: Tx, userId: string, step: number, now: Date): Promise<void> {
  await writeCounter(tx, { key: stepKey(userId), count: step, windowStartedAt: now, blockedUntil: null }, now);
}

/** Workspaces of the user that require 2FA (empty when none does), by name. */
export async function workspacesRequiringTwoFactor(db: Tx, userId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(workspaces.requireTwoFactor, true)))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

/** Sets the workspace's requirement; answers whether it changed. */
export async function setWorkspaceTwoFactorRequirement(tx: Tx, workspaceId: string, required: boolean): Promise<boolean> {
  return transaction(tx, async (t) => {
    const changed = await t
      .update(workspaces)
      .set({ requireTwoFactor: required })
      .where(and(eq(workspaces.id, workspaceId), eq(workspaces.requireTwoFactor, !required)))
      .returning({ id: workspaces.id });
    return changed.length > 0;
  });
}

export async function getWorkspaceTwoFactorRequirement(db: Db, workspaceId: string): Promise<boolean | null> {
  const [row] = await db.select({ required: workspaces.requireTwoFactor }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.required ?? null;
}
