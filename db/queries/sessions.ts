import 'server-only';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions } from '../schema';
import type { ClientInfo } from '@/lib/api/client-info';
import type { Tx } from './history';

/** How long one sign-in lasts (the session cookie's lifetime matches). */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

export function createSession(tx: Tx, userId: string, client: ClientInfo | null, now = new Date()) {
  return tx
    .insert(sessions)
    .values({ userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ip: client?.ip ?? null, userAgent: client?.userAgent ?? null })
    .returning()
    .get();
}

/** The session if it belongs to the user, is not revoked and has not expired; otherwise undefined. */
export function findActiveSession(db: Db, sessionId: string, userId: string, now = new Date()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .get();
}

export function listActiveSessions(db: Db, userId: string, now = new Date()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}

/** Records activity at most once a minute per session, so reads do not turn into a write each. */
export function touchSession(db: Db, sessionId: string, lastSeenAt: Date, now = new Date()): void {
  if (now.getTime() - lastSeenAt.getTime() < 60_000) return;
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
}

export function revokeSession(tx: Tx, sessionId: string, userId: string, now = new Date()): boolean {
  const result = tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
  return result.changes > 0;
}

/** Ends every session of the user (or every other one, keeping `exceptSessionId`); answers how many. */
export function revokeUserSessions(tx: Tx, userId: string, options: { exceptSessionId?: string } = {}, now = new Date()): number {
  const scope = options.exceptSessionId
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, options.exceptSessionId))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  return tx.update(sessions).set({ revokedAt: now }).where(scope).run().changes;
}
