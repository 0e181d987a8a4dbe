import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, users, workspaces } from '../schema';
import type { Role } from '@/lib/domain/roles';
import type { ClientInfo } from '@/lib/api/client-info';
import { AppError, conflict, notFound } from '@/lib/errors';
import { recordHistory, type Tx } from './history';
import { recordSecurityEvent } from './security-events';
import { revokeUserSessions } from './sessions';
import type { MemberDto } from '@/lib/domain/workspaces';

export function listWorkspacesForUser(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name))
    .all();
}

export function getWorkspace(db: Db, workspaceId: string) {
  const row = db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!row) throw notFound('Workspace');
  return row;
}

export function listMembers(db: Db, workspaceId: string): MemberDto[] {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name))
    .all();
}

export function changeMemberRole(db: Db, workspaceId: string, userId: string, role: Role, actorId: string, client: ClientInfo | null = null): void {
  db.transaction((tx) => {
    const current = tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
    if (!current) throw notFound('Member');
    if (current.role === role) return;
    if (current.role === 'owner') assertAnotherOwner(tx, workspaceId, userId);
    tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).run();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'update', actorId, before: { role: current.role }, after: { role } });
    recordSecurityEvent(tx, { type: 'member_role_changed', workspaceId, userId, actorId, client, detail: { from: current.role, to: role } });
  });
}

/** What ending a membership did beyond removing the row. */
export interface MembershipEnded {
  /** The account has no workspace left, so all its sessions were ended. */
  sessionsRevoked: boolean;
}

/** An owner removes someone else (or themselves, if another owner remains). */
export function removeMember(db: Db, workspaceId: string, userId: string, actorId: string, client: ClientInfo | null = null): MembershipEnded {
  return db.transaction((tx) => {
    const role = endMembership(tx, workspaceId, userId, 'An owner cannot be removed while they are the only owner. Make someone else an owner first.');
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'delete', actorId, before: { role } });
    recordSecurityEvent(tx, { type: 'member_removed', workspaceId, userId, actorId, client, detail: { role } });
    return { sessionsRevoked: revokeSessionsIfHomeless(tx, userId) };
  });
}

/** A member leaves a workspace on their own; the last owner cannot (422). */
export function leaveWorkspace(db: Db, workspaceId: string, userId: string, client: ClientInfo | null = null): MembershipEnded {
  return db.transaction((tx) => {
    const role = endMembership(tx, workspaceId, userId, 'You are the only owner of this workspace. Make someone else an owner before you leave.');
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'delete', actorId: userId, before: { role } });
    recordSecurityEvent(tx, { type: 'member_left', workspaceId, userId, client, detail: { role } });
    return { sessionsRevoked: revokeSessionsIfHomeless(tx, userId) };
  });
}

function endMembership(tx: Tx, workspaceId: string, userId: string, lastOwnerMessage: string): Role {
  const current = tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
  if (!current) throw notFound('Member');
  if (current.role === 'owner') assertAnotherOwner(tx, workspaceId, userId, lastOwnerMessage);
  tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).run();
  return current.role;
}

/** Someone with no workspace left has nothing to be signed in for: end every session they hold. */
function revokeSessionsIfHomeless(tx: Tx, userId: string): boolean {
  const remaining = tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, userId)).get();
  if (remaining) return false;
  revokeUserSessions(tx, userId);
  return true;
}

function assertAnotherOwner(tx: Pick<Db, 'select'>, workspaceId: string, leavingUserId: string, message = 'A workspace needs at least one owner.'): void {
  const owners = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner'))).all();
  if (!owners.some((o) => o.userId !== leavingUserId)) throw new AppError('unprocessable', message);
}

export interface WorkspaceSettings {
  version: number;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  factCheckUrlPattern: string | null;
}

export function updateWorkspaceSettings(db: Db, workspaceId: string, input: WorkspaceSettings, actorId: string) {
  return db.transaction((tx) => {
    const current = tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
    if (!current) throw notFound('Workspace');
    if (current.version !== input.version) throw conflict('Someone else changed these settings since you opened them.', current);
    const { version, ...changes } = input;
    const row = tx.update(workspaces).set({ ...changes, version: version + 1 }).where(eq(workspaces.id, workspaceId)).returning().get();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'workspace', entityId: workspaceId, action: 'update', actorId, before: current, after: row });
    return row;
  });
}
