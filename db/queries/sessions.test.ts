import { describe, expect, it } from 'vitest';
import { createTestDb } from '../client';
import { users } from '../schema';
import { createSession, findActiveSession, listActiveSessions, revokeSession, revokeUserSessions, SESSION_MAX_AGE_SECONDS, touchSession } from './sessions';

function setup() {
  const db = createTestDb();
  const [alice, bob] = db.insert(users).values([
    { email: 'alice@example.org', name: 'Alice', passwordHash: 'x' },
    { email: 'bob@example.org', name: 'Bob', passwordHash: 'x' },
  ]).returning().all();
  return { db, alice: alice!, bob: bob! };
}

describe('sessions', () => {
  it('finds an active session only for its own user', () => {
    const { db, alice, bob } = setup();
    const s = createSession(db, alice.id, { ip: '127.0.0.1', userAgent: 'test' });
    expect(findActiveSession(db, s.id, alice.id)?.ip).toBe('127.0.0.1');
    expect(findActiveSession(db, s.id, bob.id)).toBeUndefined();
    expect(findActiveSession(db, 'no-such-session', alice.id)).toBeUndefined();
  });

  it('expires after the maximum age', () => {
    const { db, alice } = setup();
    const start = new Date(1_700_000_000_000);
    const s = createSession(db, alice.id, null, start);
    expect(findActiveSession(db, s.id, alice.id, new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 1))).toBeDefined();
    expect(findActiveSession(db, s.id, alice.id, new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeUndefined();
  });

  it('revokes one session, or all but the current one, or all', () => {
    const { db, alice, bob } = setup();
    const [a1, a2, a3] = [createSession(db, alice.id, null), createSession(db, alice.id, null), createSession(db, alice.id, null)];
    const b1 = createSession(db, bob.id, null);
    expect(revokeSession(db, a1.id, bob.id)).toBe(false);
    expect(revokeSession(db, a1.id, alice.id)).toBe(true);
    expect(revokeSession(db, a1.id, alice.id)).toBe(false);
    expect(revokeUserSessions(db, alice.id, { exceptSessionId: a3.id })).toBe(1);
    expect(findActiveSession(db, a2.id, alice.id)).toBeUndefined();
    expect(listActiveSessions(db, alice.id).map((s) => s.id)).toEqual([a3.id]);
    expect(revokeUserSessions(db, alice.id)).toBe(1);
    expect(listActiveSessions(db, alice.id)).toEqual([]);
    expect(findActiveSession(db, b1.id, bob.id)).toBeDefined();
  });

  it('touches last-seen at most once a minute', () => {
    const { db, alice } = setup();
    const start = new Date(1_700_000_000_000);
    const s = createSession(db, alice.id, null, start);
    touchSession(db, s.id, s.lastSeenAt, new Date(start.getTime() + 30_000));
    expect(findActiveSession(db, s.id, alice.id, start)?.lastSeenAt.getTime()).toBe(start.getTime());
    touchSession(db, s.id, s.lastSeenAt, new Date(start.getTime() + 61_000));
    expect(findActiveSession(db, s.id, alice.id, start)?.lastSeenAt.getTime()).toBe(start.getTime() + 61_000);
  });
});
