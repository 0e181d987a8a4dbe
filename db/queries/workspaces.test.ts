import { describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { memberships, securityEvents, users, workspaces } from '../schema';
import { getRole } from './access';
import { createSession, findActiveSession } from './sessions';
import { changeMemberRole, leaveWorkspace, removeMember } from './workspaces';

const CLIENT = { ip: '192.0.2.9', userAgent: 'vitest' };

async function setup() {
  const db = await createTestDb();
  return transaction(db, async (tx) => {
    const [a, b] = await tx.insert(workspaces).values([
      { slug: 'a', name: 'A', organizationName: 'A' },
      { slug: 'b', name: 'B', organizationName: 'B' },
    ]).returning();
    const [owner, member] = await tx.insert(users).values([
      { email: 'owner@example.org', name: 'Owner', passwordHash: 'x' },
      { email: 'member@example.org', name: 'Member', passwordHash: 'x' },
    ]).returning();
    await tx.insert(memberships).values([
      { workspaceId: a!.id, userId: owner!.id, role: 'owner' },
      { workspaceId: a!.id, userId: member!.id, role: 'editor' },
      { workspaceId: b!.id, userId: member!.id, role: 'viewer' },
    ]);
    return { db, a: a!, b: b!, owner: owner!, member: member! };
  });
}

describe('leaving and removing members', () => {
  it('lets a member leave; sessions end only when no workspace is left', async () => {
    const { db, a, b, member } = await setup();
    const session = await createSession(db, member.id, CLIENT);
    expect(await leaveWorkspace(db, a.id, member.id, CLIENT)).toEqual({ sessionsRevoked: false });
    expect(await getRole(db, member.id, a.id)).toBeNull();
    expect(await findActiveSession(db, session.id, member.id)).toBeDefined();
    expect(await leaveWorkspace(db, b.id, member.id, CLIENT)).toEqual({ sessionsRevoked: true });
    expect(await findActiveSession(db, session.id, member.id)).toBeUndefined();
    expect((await db.select().from(securityEvents).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id))).map((e) => [e.type, e.workspaceId, e.userId, e.ip])).toEqual([
      ['member_left', a.id, member.id, '192.0.2.9'],
      ['member_left', b.id, member.id, '192.0.2.9'],
    ]);
    await expect(leaveWorkspace(db, a.id, member.id)).rejects.toThrow(/Member not found/);
  });

  it('refuses to let the last owner leave (422), allows it once another owner exists', async () => {
    const { db, a, owner, member } = await setup();
    await expect(leaveWorkspace(db, a.id, owner.id)).rejects.toThrow(/only owner of this workspace/);
    expect(await getRole(db, owner.id, a.id)).toBe('owner');
    await changeMemberRole(db, a.id, member.id, 'owner', owner.id, CLIENT);
    expect((await leaveWorkspace(db, a.id, owner.id)).sessionsRevoked).toBe(true);
  });

  it('ends every session of a removed member who has no workspace left, and logs who did it', async () => {
    const { db, a, b, owner, member } = await setup();
    const session = await createSession(db, member.id, CLIENT);
    await removeMember(db, b.id, member.id, owner.id, CLIENT);
    expect(await findActiveSession(db, session.id, member.id)).toBeDefined();
    expect(await removeMember(db, a.id, member.id, owner.id, CLIENT)).toEqual({ sessionsRevoked: true });
    expect(await findActiveSession(db, session.id, member.id)).toBeUndefined();
    const events = await db.select().from(securityEvents).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id));
    expect(events.map((e) => [e.type, e.actorId, e.userId])).toEqual([
      ['member_removed', owner.id, member.id],
      ['member_removed', owner.id, member.id],
    ]);
  });

  it('logs role changes (and not a no-op)', async () => {
    const { db, a, owner, member } = await setup();
    await changeMemberRole(db, a.id, member.id, 'editor', owner.id);
    await changeMemberRole(db, a.id, member.id, 'viewer', owner.id, CLIENT);
    expect((await db.select().from(securityEvents).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id))).map((e) => [e.type, e.detail])).toEqual([['member_role_changed', { from: 'editor', to: 'viewer' }]]);
    await expect(changeMemberRole(db, a.id, owner.id, 'viewer', owner.id)).rejects.toThrow(/at least one owner/);
  });
});
