import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { memberships, securityEvents, users, workspaces } from '../schema';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { decodeSecurityLogCursor, encodeSecurityLogCursor, listSecurityEvents, recordSecurityEvent, type SecurityLogCursor } from './security-events';

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

async function setup() {
  return transaction(db, async (tx) => {
    const [a, b] = await tx
      .insert(workspaces)
      .values([
        { slug: 'a', name: 'A', organizationName: 'A' },
        { slug: 'b', name: 'B', organizationName: 'B' },
      ])
      .returning();
    const [alice, bob] = await tx
      .insert(users)
      .values([
        { email: 'alice@example.org', name: 'Alice', passwordHash: 'x' },
        { email: 'bob@example.org', name: 'Bob', passwordHash: 'x' },
      ])
      .returning();
    await tx.insert(memberships).values([
      { workspaceId: a!.id, userId: alice!.id, role: 'owner' },
      { workspaceId: b!.id, userId: bob!.id, role: 'owner' },
    ]);
    return { db, a: a!, b: b!, alice: alice!, bob: bob! };
  });
}

describe('security log', () => {
  it('shows a workspace its own events and its members’ account events, never another workspace’s', async () => {
    const { db, a, b, alice, bob } = await setup();
    await recordSecurityEvent(db, { type: 'sign_in', userId: alice.id, client: { ip: '127.0.0.1', userAgent: 'test' } });
    await recordSecurityEvent(db, { type: 'sign_in', userId: bob.id });
    await recordSecurityEvent(db, { type: 'invitation_created', workspaceId: b.id, actorId: bob.id, detail: { email: 'x@example.org' } });
    const inA = await listSecurityEvents(db, a.id);
    expect(inA).toHaveLength(1);
    expect(inA[0]).toMatchObject({ type: 'sign_in', userName: 'Alice', ip: '127.0.0.1', userAgent: 'test' });
    const inB = (await listSecurityEvents(db, b.id)).map((e) => e.type).sort();
    expect(inB).toEqual(['invitation_created', 'sign_in']);
  });

  it('pages backwards and bounds the page size', async () => {
    const { db, a, alice } = await setup();
    await transaction(db, async (tx) => {
      for (let i = 0; i < 5; i += 1) {
        await tx.insert(securityEvents).values({ type: 'sign_in', userId: alice.id, createdAt: new Date(1_000 + i) });
      }
    });
    const first = await listSecurityEvents(db, a.id, { limit: 2 });
    expect(first.map((e) => e.createdAt.getTime())).toEqual([1004, 1003]);
    const next = await listSecurityEvents(db, a.id, { limit: 2, before: first[1]! });
    expect(next.map((e) => e.createdAt.getTime())).toEqual([1002, 1001]);
    expect(await listSecurityEvents(db, a.id, { limit: 0 })).toHaveLength(1);
  });

  it('never skips entries that share a millisecond across a page boundary', async () => {
    const { db, a, alice } = await setup();
    const at = new Date(5_000);
    await transaction(db, async (tx) => {
      for (let i = 0; i < 5; i += 1) await tx.insert(securityEvents).values({ type: 'sign_in', userId: alice.id, createdAt: at });
    });
    const seen: string[] = [];
    let cursor: SecurityLogCursor | null = null;
    for (let page = 0; page < 5; page += 1) {
      const rows = await listSecurityEvents(db, a.id, { limit: 2, before: cursor });
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
