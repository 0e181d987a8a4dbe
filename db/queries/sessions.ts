import 'server-only';
import { and, desc, eq, exists, gt, isNull, ne, sql, type Placeholder } from 'drizzle-orm';
import { dialectOf, type Db } from '../client';
import { memberships, sessions, users, workspaces } from '../schema';
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

/**
 * The active session (as findActiveSession) together with the few user fields a request needs, in
 * one query: no row when the session is revoked, expired, someone else's, or the user is gone.
 * `inTwoFactorWorkspace`: the user belongs to a workspace that requires two-factor sign-in (as
 * workspacesRequiringTwoFactor(…).length > 0).
 */
export async function findActiveSessionUser(db: Db, sessionId: string, userId: string, now = new Date()): Promise<ActiveSessionUser | undefined> {
  // Runs on every request: on SQLite the statement is built and prepared once per connection.
  const prepared = preparedSessionUser(db);
  if (prepared) return (await prepared.all({ sessionId, userId, now: now.getTime() }))[0];
  return (await sessionUserQuery(db, sessionId, userId, now))[0];
}

function sessionUserQuery(db: Db, sessionId: string | Placeholder, userId: string | Placeholder, now: Date | Placeholder) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, email: users.email, name: users.name, mustChangePassword: users.mustChangePassword, totpEnabledAt: users.totpEnabledAt },
      inTwoFactorWorkspace: sql<boolean>`${exists(
        db
          .select({ one: sql`1` })
          .from(memberships)
          .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
          .where(and(eq(memberships.userId, users.id), eq(workspaces.requireTwoFactor, true))),
      )}`.mapWith((value: unknown) => value === true || Number(value) === 1),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
}

export type ActiveSessionUser = Awaited<ReturnType<typeof sessionUserQuery>>[number];

type PreparedSessionUser = { all(values: { sessionId: string; userId: string; now: number }): Promise<ActiveSessionUser[]> };
const preparedByDb = new WeakMap<object, PreparedSessionUser>();

/** SQLite only (a root database, not a transaction handle); PostgreSQL builds the query each time. */
function preparedSessionUser(db: Db): PreparedSessionUser | null {
  const known = preparedByDb.get(db);
  if (known) return known;
  let dialect: string;
  try {
    dialect = dialectOf(db);
  } catch {
    return null; // a transaction handle
  }
  if (dialect !== 'sqlite') return null;
  // Placeholders are bound as they are (no column encoding): expires_at is timestamp_ms, so `now` is milliseconds.
  const prepared = sessionUserQuery(db, sql.placeholder('sessionId'), sql.placeholder('userId'), sql.placeholder('now')).prepare() as unknown as PreparedSessionUser;
  preparedByDb.set(db, prepared);
  return prepared;
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
