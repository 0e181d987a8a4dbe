import 'server-only';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions } from '../schema';
import { transaction } from '../transaction';
import type { ClientInfo } from '@/lib/api/client-info';
import type { Tx } from './history';

/** How long one sign-in lasts (the session cookie's lifetime matches). */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

export async function createSession(tx: Tx, userId: string, client: ClientInfo | null, now = new Date()) {
  return transaction(tx, async (t) => {
    const [row] = await t
      .insert(sessions)
      .values({ userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ip: client?.ip ?? null, userAgent: client?.userAgent ?? null })
      .returning();
    return row!;
  });
}

/** The session if it belongs to the user, is not revoked and has not expired; otherwise undefined. */
export async function findActiveSession(db: Db, sessionId: string, userId: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function listActiveSessions(db: Db, userId: string, now = new Date()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
}

/** Records activity at most once a minute per session, so reads do not turn into a write each. */
export async function touchSession(db: Db, sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < 60_000) return;
  await transaction(db, async (tx) => {
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  });
}

export async function revokeSession(tx: Tx, sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  return transaction(tx, async (t) => {
    const revoked = await t
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return revoked.length > 0;
  });
}

/** Ends every session of the user (or every other one, keeping `exceptSessionId`); answers how many. */
export async function revokeUserSessions(tx: Tx, userId: string, options: { exceptSessionId?: string } = {}, now = new Date()): Promise<number> {
  const scope = options.exceptSessionId
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, options.exceptSessionId))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  return transaction(tx, async (t) => (await t.update(sessions).set({ revokedAt: now }).where(scope).returning({ id: sessions.id })).length);
}
