import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, users, workspaces, type Role } from '../schema';
import { hashPassword, generateOneTimePassword } from '@/lib/auth/password';
import { AppError, conflict, notFound } from '@/lib/errors';
import { recordHistory } from './history';

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

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
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

/**
 * Adds a member. A new email gets an account with a one-time password, returned once
 * (only its hash is stored) for the owner to hand over; the user must change it at first sign-in.
 */
export async function addMember(db: Db, workspaceId: string, input: { email: string; name: string; role: Role }, actorId: string) {
  const email = input.email.trim().toLowerCase();
  const existing = db.select().from(users).where(eq(users.email, email)).get();
  const oneTimePassword = existing ? null : generateOneTimePassword();
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  return db.transaction((tx) => {
    let userId = existing?.id;
    if (!userId) {
      userId = tx.insert(users).values({ email, name: input.name.trim(), passwordHash: passwordHash!, mustChangePassword: true }).returning({ id: users.id }).get().id;
    }
    const already = tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
    if (already) throw new AppError('conflict', `${email} is already a member of this workspace.`);
    tx.insert(memberships).values({ workspaceId, userId, role: input.role }).run();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'create', actorId, after: { email, role: input.role } });
    return { userId, email, oneTimePassword };
  });
}

export function changeMemberRole(db: Db, workspaceId: string, userId: string, role: Role, actorId: string): void {
  db.transaction((tx) => {
    const current = tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
    if (!current) throw notFound('Member');
    if (current.role === 'owner' && role !== 'owner') assertAnotherOwner(tx, workspaceId, userId);
    tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).run();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'update', actorId, before: { role: current.role }, after: { role } });
  });
}

export function removeMember(db: Db, workspaceId: string, userId: string, actorId: string): void {
  db.transaction((tx) => {
    const current = tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
    if (!current) throw notFound('Member');
    if (current.role === 'owner') assertAnotherOwner(tx, workspaceId, userId);
    tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).run();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'delete', actorId, before: { role: current.role } });
  });
}

function assertAnotherOwner(tx: Pick<Db, 'select'>, workspaceId: string, leavingUserId: string): void {
  const owners = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner'))).all();
  if (!owners.some((o) => o.userId !== leavingUserId)) throw new AppError('unprocessable', 'A workspace needs at least one owner.');
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
