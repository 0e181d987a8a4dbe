import { describe, expect, it } from 'vitest';
import { createTestDb } from '../client';
import { memberships, securityEvents, users, workspaces } from '../schema';
import { listSecurityEvents, recordSecurityEvent } from './security-events';

function setup() {
  const db = createTestDb();
  const [a, b] = db.insert(workspaces).values([
    { slug: 'a', name: 'A', organizationName: 'A' },
    { slug: 'b', name: 'B', organizationName: 'B' },
  ]).returning().all();
  const [alice, bob] = db.insert(users).values([
    { email: 'alice@example.org', name: 'Alice', passwordHash: 'x' },
    { email: 'bob@example.org', name: 'Bob', passwordHash: 'x' },
  ]).returning().all();
  db.insert(memberships).values([
    { workspaceId: a!.id, userId: alice!.id, role: 'owner' },
    { workspaceId: b!.id, userId: bob!.id, role: 'owner' },
  ]).run();
  return { db, a: a!, b: b!, alice: alice!, bob: bob! };
}

describe('security log', () => {
  it('shows a workspace its own events and its members’ account events, never another workspace’s', () => {
    const { db, a, b, alice, bob } = setup();
    recordSecurityEvent(db, { type: 'sign_in', userId: alice.id, client: { ip: '127.0.0.1', userAgent: 'test' } });
    recordSecurityEvent(db, { type: 'sign_in', userId: bob.id });
    recordSecurityEvent(db, { type: 'invitation_created', workspaceId: b.id, actorId: bob.id, detail: { email: 'x@example.org' } });
    const inA = listSecurityEvents(db, a.id);
    expect(inA).toHaveLength(1);
    expect(inA[0]).toMatchObject({ type: 'sign_in', userName: 'Alice', ip: '127.0.0.1', userAgent: 'test' });
    const inB = listSecurityEvents(db, b.id).map((e) => e.type).sort();
    expect(inB).toEqual(['invitation_created', 'sign_in']);
  });

  it('pages backwards and bounds the page size', () => {
    const { db, a, alice } = setup();
    for (let i = 0; i < 5; i += 1) {
      db.insert(securityEvents).values({ type: 'sign_in', userId: alice.id, createdAt: new Date(1_000 + i) }).run();
    }
    const first = listSecurityEvents(db, a.id, { limit: 2 });
    expect(first.map((e) => e.createdAt.getTime())).toEqual([1004, 1003]);
    const next = listSecurityEvents(db, a.id, { limit: 2, before: first[1]!.createdAt });
    expect(next.map((e) => e.createdAt.getTime())).toEqual([1002, 1001]);
    expect(listSecurityEvents(db, a.id, { limit: 0 })).toHaveLength(1);
  });
});
