import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { memberships, users, workspaces } from '../schema';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { createSession, findActiveSession, findActiveSessionUser, listActiveSessions, revokeSession, revokeUserSessions, SESSION_MAX_AGE_SECONDS, touchSession } from './sessions';

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

async function setup() {
  const [alice, bob] = await transaction(db, async (tx) =>
    tx
      .insert(users)
      .values([
        { email: 'alice@example.org', name: 'Alice', passwordHash: 'x' },
        { email: 'bob@example.org', name: 'Bob', passwordHash: 'x' },
      ])
      .returning(),
  );
  return { db, alice: alice!, bob: bob! };
}

describe('sessions', () => {
  it('finds an active session only for its own user', async () => {
    const { db, alice, bob } = await setup();
    const s = await createSession(db, alice.id, { ip: '127.0.0.1', userAgent: 'test' });
    expect((await findActiveSession(db, s.id, alice.id))?.ip).toBe('127.0.0.1');
    expect(await findActiveSession(db, s.id, bob.id)).toBeUndefined();
    expect(await findActiveSession(db, 'no-such-session', alice.id)).toBeUndefined();
  });

  it('finds the active session with its user in one query, and nothing once revoked, expired, foreign or the user is gone', async () => {
    const { db, alice, bob } = await setup();
    const start = new Date(1_700_000_000_000);
    const s = await createSession(db, alice.id, null, start);
    const found = await findActiveSessionUser(db, s.id, alice.id, start);
    expect(found).toEqual({ lastSeenAt: start, user: { id: alice.id, email: 'alice@example.org', name: 'Alice', mustChangePassword: false, totpEnabledAt: null }, inTwoFactorWorkspace: false });
    expect(await findActiveSessionUser(db, s.id, bob.id, start)).toBeUndefined();
    expect(await findActiveSessionUser(db, 'no-such-session', alice.id, start)).toBeUndefined();
    expect(await findActiveSessionUser(db, s.id, alice.id, new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeUndefined();
    expect(await revokeSession(db, s.id, alice.id)).toBe(true);
    expect(await findActiveSessionUser(db, s.id, alice.id, start)).toBeUndefined();
    const b = await createSession(db, bob.id, null, start);
    expect(await findActiveSessionUser(db, b.id, bob.id, start)).toBeDefined();
    await transaction(db, async (tx) => {
      await tx.delete(users).where(eq(users.id, bob.id));
    });
    expect(await findActiveSessionUser(db, b.id, bob.id, start)).toBeUndefined();
  });

  it('says whether the user belongs to a workspace that requires two-factor sign-in (only theirs count)', async () => {
    const { db, alice, bob } = await setup();
    const s = await createSession(db, alice.id, null);
    const [relaxed, strict, other] = await transaction(db, async (tx) =>
      tx
        .insert(workspaces)
        .values([
          { name: 'Relaxed', slug: 'relaxed', organizationName: 'Org' },
          { name: 'Strict', slug: 'strict', organizationName: 'Org' },
          { name: 'Other', slug: 'other', organizationName: 'Org' },
        ])
        .returning(),
    );
    await transaction(db, async (tx) => {
      await tx.insert(memberships).values([
        { workspaceId: relaxed!.id, userId: alice.id, role: 'owner' },
        { workspaceId: other!.id, userId: bob.id, role: 'owner' },
      ]);
      await tx.update(workspaces).set({ requireTwoFactor: true }).where(eq(workspaces.id, other!.id));
    });
    expect((await findActiveSessionUser(db, s.id, alice.id))?.inTwoFactorWorkspace).toBe(false);
    await transaction(db, async (tx) => {
      await tx.insert(memberships).values({ workspaceId: strict!.id, userId: alice.id, role: 'reviewer' });
      await tx.update(workspaces).set({ requireTwoFactor: true }).where(eq(workspaces.id, strict!.id));
    });
    expect((await findActiveSessionUser(db, s.id, alice.id))?.inTwoFactorWorkspace).toBe(true);
  });

  it('expires after the maximum age', async () => {
    const { db, alice } = await setup();
    const start = new Date(1_700_000_000_000);
    const s = await createSession(db, alice.id, null, start);
    expect(await findActiveSession(db, s.id, alice.id, new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 1))).toBeDefined();
    expect(await findActiveSession(db, s.id, alice.id, new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeUndefined();
  });

  it('revokes one session, or all but the current one, or all', async () => {
    const { db, alice, bob } = await setup();
    const [a1, a2, a3] = [await createSession(db, alice.id, null), await createSession(db, alice.id, null), await createSession(db, alice.id, null)];
    const b1 = await createSession(db, bob.id, null);
    expect(await revokeSession(db, a1.id, bob.id)).toBe(false);
    expect(await revokeSession(db, a1.id, alice.id)).toBe(true);
    expect(await revokeSession(db, a1.id, alice.id)).toBe(false);
    expect(await revokeUserSessions(db, alice.id, { exceptSessionId: a3.id })).toBe(1);
    expect(await findActiveSession(db, a2.id, alice.id)).toBeUndefined();
    expect((await listActiveSessions(db, alice.id)).map((s) => s.id)).toEqual([a3.id]);
    expect(await revokeUserSessions(db, alice.id)).toBe(1);
    expect(await listActiveSessions(db, alice.id)).toEqual([]);
    expect(await findActiveSession(db, b1.id, bob.id)).toBeDefined();
  });

  it('touches last-seen at most once a minute', async () => {
    const { db, alice } = await setup();
    const start = new Date(1_700_000_000_000);
    const s = await createSession(db, alice.id, null, start);
    await touchSession(db, s.id, s.lastSeenAt, new Date(start.getTime() + 30_000));
    expect((await findActiveSession(db, s.id, alice.id, start))?.lastSeenAt.getTime()).toBe(start.getTime());
    await touchSession(db, s.id, s.lastSeenAt, new Date(start.getTime() + 61_000));
    expect((await findActiveSession(db, s.id, alice.id, start))?.lastSeenAt.getTime()).toBe(start.getTime() + 61_000);
  });
});
