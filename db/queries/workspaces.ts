import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { memberships, users, workspaces } from '../schema';
import type { Role } from '@/lib/domain/roles';
import type { ClientInfo } from '@/lib/api/client-info';
import { AppError, conflict, notFound } from '@/lib/errors';
import { recordHistory, type Tx } from './history';
import { recordSecurityEvent } from './security-events';
import { revokeUserSessions } from './sessions';
import type { MemberDto } from '@/lib/domain/workspaces';

export async function listWorkspacesForUser(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

export async function getWorkspace(db: Db, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw notFound('Workspace');
  return row;
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberDto[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Serializable (as are removeMember and leaveWorkspace): "is another owner left?" is read, then
 * acted on, so two owners demoting or removing each other at once must not both pass the check.
 */
export async function changeMemberRole(db: Db, workspaceId: string, userId: string, role: Role, actorId: string, client: ClientInfo | null = null): Promise<void> {
  await transaction(
    db,
    async (tx) => {
      const [current] = await tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).limit(1);
      if (!current) throw notFound('Member');
      if (current.role === role) return;
      if (current.role === 'owner') await assertAnotherOwner(tx, workspaceId, userId);
      await tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      await recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'update', actorId, before: { role: current.role }, after: { role } });
      await recordSecurityEvent(tx, { type: 'member_role_changed', workspaceId, userId, actorId, client, detail: { from: current.role, to: role } });
    },
    { isolation: 'serializable' },
  );
}

/** What ending a membership did beyond removing the row. */
export interface MembershipEnded {
  /** The account has no workspace left, so all its sessions were ended. */
  sessionsRevoked: boolean;
}

/** An owner removes someone else (or themselves, if another owner remains). */
export async function removeMember(db: Db, workspaceId: string, userId: string, actorId: string, client: ClientInfo | null = null): Promise<MembershipEnded> {
  return transaction(
    db,
    async (tx) => {
      const role = await endMembership(tx, workspaceId, userId, 'An owner cannot be removed while they are the only owner. Make someone else an owner first.');
      await recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'delete', actorId, before: { role } });
      await recordSecurityEvent(tx, { type: 'member_removed', workspaceId, userId, actorId, client, detail: { role } });
      return { sessionsRevoked: await revokeSessionsIfHomeless(tx, userId) };
    },
    { isolation: 'serializable' },
  );
}

/** A member leaves a workspace on their own; the last owner cannot (422). */
export async function leaveWorkspace(db: Db, workspaceId: string, userId: string, client: ClientInfo | null = null): Promise<MembershipEnded> {
  return transaction(
    db,
    async (tx) => {
      const role = await endMembership(tx, workspaceId, userId, 'You are the only owner of this workspace. Make someone else an owner before you leave.');
      await recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'delete', actorId: userId, before: { role } });
      await recordSecurityEvent(tx, { type: 'member_left', workspaceId, userId, client, detail: { role } });
      return { sessionsRevoked: await revokeSessionsIfHomeless(tx, userId) };
    },
    { isolation: 'serializable' },
  );
}

async function endMembership(tx: Tx, workspaceId: string, userId: string, lastOwnerMessage: string): Promise<Role> {
  const [current] = await tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).limit(1);
  if (!current) throw notFound('Member');
  if (current.role === 'owner') await assertAnotherOwner(tx, workspaceId, userId, lastOwnerMessage);
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return current.role;
}

/** Someone with no workspace left has nothing to be signed in for: end every session they hold. */
async function revokeSessionsIfHomeless(tx: Tx, userId: string): Promise<boolean> {
  const [remaining] = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
  if (remaining) return false;
  await revokeUserSessions(tx, userId);
  return true;
}

async function assertAnotherOwner(tx: Pick<Db, 'select'>, workspaceId: string, leavingUserId: string, message = 'A workspace needs at least one owner.'): Promise<void> {
  const owners = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  if (!owners.some((o) => o.userId !== leavingUserId)) throw new AppError('unprocessable', message);
}

export interface WorkspaceSettings {
  version: number;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  factCheckUrlPattern: string | null;
}

export async function updateWorkspaceSettings(db: Db, workspaceId: string, input: WorkspaceSettings, actorId: string) {
  return transaction(db, async (tx) => {
    const [current] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
    if (!current) throw notFound('Workspace');
    const message = 'Someone else changed these settings since you opened them.';
    if (current.version !== input.version) throw conflict(message, current);
    const { version, ...changes } = input;
    // The version in the WHERE makes a save that committed after our read win (409 here), not be overwritten.
    const [row] = await tx.update(workspaces).set({ ...changes, version: version + 1 }).where(and(eq(workspaces.id, workspaceId), eq(workspaces.version, version))).returning();
    if (!row) throw conflict(message, (await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1))[0] ?? current);
    await recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'workspace', entityId: workspaceId, action: 'update', actorId, before: current, after: row });
    return row;
  });
}
