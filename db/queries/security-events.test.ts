import { describe, expect, it } from 'vitest';
import { createTestDb } from '../client';
import { memberships, securityEvents, users, workspaces } from '../schema';
import { decodeSecurityLogCursor, encodeSecurityLogCursor, listSecurityEvents, recordSecurityEvent, type SecurityLogCursor } from './security-events';

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
    const next = listSecurityEvents(db, a.id, { limit: 2, before: first[1]! });
    expect(next.map((e) => e.createdAt.getTime())).toEqual([1002, 1001]);
    expect(listSecurityEvents(db, a.id, { limit: 0 })).toHaveLength(1);
  });

  it('never skips entries that share a millisecond across a page boundary', () => {
    const { db, a, alice } = setup();
    const at = new Date(5_000);
    for (let i = 0; i < 5; i += 1) db.insert(securityEvents).values({ type: 'sign_in', userId: alice.id, createdAt: at }).run();
    const seen: string[] = [];
    let cursor: SecurityLogCursor | null = null;
    for (let page = 0; page < 5; page += 1) {
      const rows = listSecurityEvents(db, a.id, { limit: 2, before: cursor });
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.id));
      cursor = decodeSecurityLogCursor(encodeSecurityLogCursor(rows[rows.length - 1]!));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('decodes only cursors it wrote', () => {
    expect(decodeSecurityLogCursor('1700000000000.0f8fad5b-d9cb-469f-a165-70867728950e')).toEqual({ createdAt: new Date(1_700_000_000_000), id: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    for (const bad of [null, undefined, '', '12', 'abc.def', '1700000000000', '1.2.3', "1.'; drop table users"]) expect(decodeSecurityLogCursor(bad)).toBeNull();
  });
});
