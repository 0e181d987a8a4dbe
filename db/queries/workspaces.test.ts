import { describe, expect, it } from 'vitest';
import { createTestDb } from '../client';
import { memberships, securityEvents, users, workspaces } from '../schema';
import { getRole } from './access';
import { createSession, findActiveSession } from './sessions';
import { changeMemberRole, leaveWorkspace, removeMember } from './workspaces';

const CLIENT = { ip: '192.0.2.9', userAgent: 'vitest' };

function setup() {
  const db = createTestDb();
  const [a, b] = db.insert(workspaces).values([
    { slug: 'a', name: 'A', organizationName: 'A' },
    { slug: 'b', name: 'B', organizationName: 'B' },
  ]).returning().all();
  const [owner, member] = db.insert(users).values([
    { email: 'owner@example.org', name: 'Owner', passwordHash: 'x' },
    { email: 'member@example.org', name: 'Member', passwordHash: 'x' },
  ]).returning().all();
  db.insert(memberships).values([
    { workspaceId: a!.id, userId: owner!.id, role: 'owner' },
    { workspaceId: a!.id, userId: member!.id, role: 'editor' },
    { workspaceId: b!.id, userId: member!.id, role: 'viewer' },
  ]).run();
  return { db, a: a!, b: b!, owner: owner!, member: member! };
}

describe('leaving and removing members', () => {
  it('lets a member leave; sessions end only when no workspace is left', () => {
    const { db, a, b, member } = setup();
    const session = createSession(db, member.id, CLIENT);
    expect(leaveWorkspace(db, a.id, member.id, CLIENT)).toEqual({ sessionsRevoked: false });
    expect(getRole(db, member.id, a.id)).toBeNull();
    expect(findActiveSession(db, session.id, member.id)).toBeDefined();
    expect(leaveWorkspace(db, b.id, member.id, CLIENT)).toEqual({ sessionsRevoked: true });
    expect(findActiveSession(db, session.id, member.id)).toBeUndefined();
    expect(db.select().from(securityEvents).all().map((e) => [e.type, e.workspaceId, e.userId, e.ip])).toEqual([
      ['member_left', a.id, member.id, '192.0.2.9'],
      ['member_left', b.id, member.id, '192.0.2.9'],
    ]);
    expect(() => leaveWorkspace(db, a.id, member.id)).toThrow(/Member not found/);
  });

  it('refuses to let the last owner leave (422), allows it once another owner exists', () => {
    const { db, a, owner, member } = setup();
    expect(() => leaveWorkspace(db, a.id, owner.id)).toThrow(/only owner of this workspace/);
    expect(getRole(db, owner.id, a.id)).toBe('owner');
    changeMemberRole(db, a.id, member.id, 'owner', owner.id, CLIENT);
    expect(leaveWorkspace(db, a.id, owner.id).sessionsRevoked).toBe(true);
  });

  it('ends every session of a removed member who has no workspace left, and logs who did it', () => {
    const { db, a, b, owner, member } = setup();
    const session = createSession(db, member.id, CLIENT);
    removeMember(db, b.id, member.id, owner.id, CLIENT);
    expect(findActiveSession(db, session.id, member.id)).toBeDefined();
    expect(removeMember(db, a.id, member.id, owner.id, CLIENT)).toEqual({ sessionsRevoked: true });
    expect(findActiveSession(db, session.id, member.id)).toBeUndefined();
    const events = db.select().from(securityEvents).all();
    expect(events.map((e) => [e.type, e.actorId, e.userId])).toEqual([
      ['member_removed', owner.id, member.id],
      ['member_removed', owner.id, member.id],
    ]);
  });

  it('logs role changes (and not a no-op)', () => {
    const { db, a, owner, member } = setup();
    changeMemberRole(db, a.id, member.id, 'editor', owner.id);
    changeMemberRole(db, a.id, member.id, 'viewer', owner.id, CLIENT);
    expect(db.select().from(securityEvents).all().map((e) => [e.type, e.detail])).toEqual([['member_role_changed', { from: 'editor', to: 'viewer' }]]);
    expect(() => changeMemberRole(db, a.id, owner.id, 'viewer', owner.id)).toThrow(/at least one owner/);
  });
});
