import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { isUniqueViolation, transaction } from '../transaction';
import { invitations, memberships, users, workspaces } from '../schema';
import type { InvitationDelivery } from '@/lib/domain/workspaces';
import type { Role } from '@/lib/domain/roles';
import type { ClientInfo } from '@/lib/api/client-info';
import { DEAD_LINK_MESSAGES, generateToken, hashToken, isWellFormedToken, tokenExpiry, tokenState } from '@/lib/auth/tokens';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { recordHistory, type Tx } from './history';
import { recordSecurityEvent } from './security-events';
import type { InvitationDto } from '@/lib/domain/workspaces';

/**
 * Invitations: the only way into a workspace. Adding an email never hands anyone an account; it
 * creates a pending invitation, and nobody is a member until the link is followed and accepted:
 *
 * - an address without an account gets a new account (verified only if the link was mailed to it);
 * - an existing account must be signed in AND have a proven (mailed-link) address, so whoever
 *   created or knows the password of an unverified account cannot use it to enter another desk.
 */

type InvitationRow = typeof invitations.$inferSelect;

function toDto(row: InvitationRow, invitedByName: string | null, now: Date): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    delivery: row.delivery,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    invitedByName,
    state: row.expiresAt.getTime() > now.getTime() ? 'valid' : 'expired',
  };
}

const pending = (workspaceId: string) => and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export interface CreateInvitationInput {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  invitedById: string;
  delivery: InvitationDelivery;
  client?: ClientInfo | null;
}

/**
 * Creates an invitation and returns its token once (only the hash is stored). A pending invitation
 * for the same address is withdrawn first. The answer is the same whether the address has an
 * account or not; only an existing member is refused (owners see the member list anyway).
 * Serializable: no unique index allows only one pending invitation per address, so two requests
 * inviting the same address at once must not both find none to replace and both insert.
 */
export async function createInvitation(db: Db, input: CreateInvitationInput, now = new Date()): Promise<{ invitation: InvitationDto; token: string }> {
  const email = input.email.trim().toLowerCase();
  return transaction(
    db,
    async (tx) => {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, email)))
        .limit(1);
      if (member) throw new AppError('conflict', `${email} is already a member of this workspace.`);
      const replaced = await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(pending(input.workspaceId), eq(invitations.email, email)))
        .returning({ id: invitations.id });
      for (const old of replaced) await recordSecurityEvent(tx, { type: 'invitation_revoked', workspaceId: input.workspaceId, actorId: input.invitedById, client: input.client, detail: { email, invitationId: old.id, reason: 'replaced' } });
      const token = generateToken();
      const [row] = await tx
        .insert(invitations)
        .values({ workspaceId: input.workspaceId, email, name: input.name.trim(), role: input.role, invitedById: input.invitedById, delivery: input.delivery, tokenHash: hashToken(token), expiresAt: tokenExpiry('invitation', now), createdAt: now })
        .returning();
      await recordSecurityEvent(tx, { type: 'invitation_created', workspaceId: input.workspaceId, actorId: input.invitedById, client: input.client, detail: { email, role: input.role, delivery: input.delivery } });
      return { invitation: toDto(row!, await inviterName(tx, input.invitedById), now), token };
    },
    { isolation: 'serializable' },
  );
}

async function inviterName(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1))[0]?.name ?? null;
}

/** Pending invitations of a workspace (expired ones too, so they can be resent), newest first. */
export async function listPendingInvitations(db: Db, workspaceId: string, now = new Date()): Promise<InvitationDto[]> {
  const rows = await db
    .select({ row: invitations, invitedByName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(pending(workspaceId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map(({ row, invitedByName }) => toDto(row, invitedByName, now));
}

async function pendingInvitation(tx: Tx, workspaceId: string, invitationId: string): Promise<InvitationRow> {
  const [row] = await tx.select().from(invitations).where(and(eq(invitations.id, invitationId), pending(workspaceId))).limit(1);
  if (!row) throw notFound('Invitation');
  return row;
}

export async function revokeInvitation(db: Db, workspaceId: string, invitationId: string, actorId: string, client: ClientInfo | null, options: { reason?: string } = {}, now = new Date()): Promise<void> {
  await transaction(db, async (tx) => {
    const row = await pendingInvitation(tx, workspaceId, invitationId);
    // Still pending in the WHERE: a concurrent accept or revoke that committed after our read wins.
    const revoked = await tx.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.id, row.id), pending(workspaceId))).returning({ id: invitations.id });
    if (revoked.length !== 1) throw notFound('Invitation');
    await recordSecurityEvent(tx, { type: 'invitation_revoked', workspaceId, actorId, client, detail: { email: row.email, invitationId: row.id, ...(options.reason ? { reason: options.reason } : {}) } });
  });
}

/** A fresh link (and 7 more days) for a pending invitation; the old link stops working. */
export async function reissueInvitation(db: Db, workspaceId: string, invitationId: string, actorId: string, delivery: InvitationDelivery, client: ClientInfo | null, now = new Date()): Promise<{ invitation: InvitationDto; token: string }> {
  return transaction(db, async (tx) => {
    const row = await pendingInvitation(tx, workspaceId, invitationId);
    const token = generateToken();
    const [updated] = await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt: tokenExpiry('invitation', now), delivery, invitedById: actorId })
      .where(and(eq(invitations.id, row.id), pending(workspaceId)))
      .returning();
    if (!updated) throw notFound('Invitation');
    await recordSecurityEvent(tx, { type: 'invitation_created', workspaceId, actorId, client, detail: { email: row.email, role: row.role, delivery, resent: true } });
    return { invitation: toDto(updated, await inviterName(tx, actorId), now), token };
  });
}

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  role: Role;
  delivery: InvitationDelivery;
  expiresAt: Date;
  workspaceId: string;
  workspaceName: string;
  inviterName: string | null;
  /** The account that already has this address, if any. */
  account: { id: string; emailVerified: boolean } | null;
}

export type InvitationLookup = { state: 'valid'; invitation: InvitationView } | { state: 'invalid' | 'expired' | 'used' | 'revoked' };

/** What the invitation page shows for a link (nothing is changed). */
export async function lookupInvitation(db: Db, token: unknown, now = new Date()): Promise<InvitationLookup> {
  if (!isWellFormedToken(token)) return { state: 'invalid' };
  const [found] = await db
    .select({ row: invitations, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!found) return { state: 'invalid' };
  const state = tokenState({ expiresAt: found.row.expiresAt, usedAt: found.row.acceptedAt, revokedAt: found.row.revokedAt }, now);
  if (state !== 'valid') return { state };
  const { row } = found;
  const [account] = await db.select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.email, row.email)).limit(1);
  return {
    state: 'valid',
    invitation: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      delivery: row.delivery,
      expiresAt: row.expiresAt,
      workspaceId: row.workspaceId,
      workspaceName: found.workspaceName,
      inviterName: await inviterName(db, row.invitedById),
      account: account ? { id: account.id, emailVerified: account.emailVerifiedAt !== null } : null,
    },
  };
}

/** Marks the invitation accepted (one conditional UPDATE: a second use finds nothing) or throws 422. */
async function consumeInvitation(tx: Tx, token: unknown, acceptedById: string | null, now: Date): Promise<InvitationRow> {
  if (!isWellFormedToken(token)) throw new AppError('unprocessable', DEAD_LINK_MESSAGES.invalid);
  const tokenHash = hashToken(token);
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedById })
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning();
  if (row) return row;
  const [dead] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  const state = dead ? tokenState({ expiresAt: dead.expiresAt, usedAt: dead.acceptedAt, revokedAt: dead.revokedAt }, now) : 'invalid';
  throw new AppError('unprocessable', DEAD_LINK_MESSAGES[state === 'valid' ? 'used' : state]);
}

const ALREADY_MEMBER = 'You are already a member of this workspace.';

async function join(tx: Tx, invitation: InvitationRow, userId: string, client: ClientInfo | null): Promise<void> {
  const [already] = await tx.select().from(memberships).where(and(eq(memberships.workspaceId, invitation.workspaceId), eq(memberships.userId, userId))).limit(1);
  if (already) throw new AppError('conflict', ALREADY_MEMBER);
  // The membership's primary key refuses a concurrent join (another invitation to the same desk).
  await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role });
  await recordHistory(tx, { workspaceId: invitation.workspaceId, articleId: null, claimId: null, entityType: 'member', entityId: userId, action: 'create', actorId: userId, after: { email: invitation.email, role: invitation.role, invitationId: invitation.id } });
  await recordSecurityEvent(tx, { type: 'invitation_accepted', workspaceId: invitation.workspaceId, userId, client, detail: { email: invitation.email, role: invitation.role, delivery: invitation.delivery, invitedById: invitation.invitedById } });
}

/**
 * Accepts for an address that has no account yet: creates the account and the membership together
 * (hash the password before calling). The address counts as verified only if the link was mailed to it.
 */
export async function acceptInvitationWithNewAccount(db: Db, token: unknown, input: { name: string; passwordHash: string }, client: ClientInfo | null, now = new Date()): Promise<{ userId: string; email: string; workspaceId: string; emailVerified: boolean }> {
  let email: string | undefined;
  const accountExists = (address: string) => new AppError('conflict', `An account for ${address} already exists. Sign in as ${address} to accept.`);
  try {
    return await transaction(db, async (tx) => {
      const invitation = await consumeInvitation(tx, token, null, now);
      email = invitation.email;
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).limit(1);
      if (existing) throw accountExists(invitation.email);
      const emailVerifiedAt = invitation.delivery === 'email' ? now : null;
      const [user] = await tx.insert(users).values({ email: invitation.email, name: input.name.trim(), passwordHash: input.passwordHash, emailVerifiedAt, createdAt: now }).returning({ id: users.id });
      await tx.update(invitations).set({ acceptedById: user!.id }).where(eq(invitations.id, invitation.id));
      await join(tx, invitation, user!.id, client);
      if (emailVerifiedAt) await recordSecurityEvent(tx, { type: 'email_verified', userId: user!.id, client, detail: { through: 'invitation' } });
      return { userId: user!.id, email: invitation.email, workspaceId: invitation.workspaceId, emailVerified: emailVerifiedAt !== null };
    });
  } catch (error) {
    // The address got an account between our check and our insert (users.email is unique); the
    // whole transaction rolled back, so the invitation is still unused.
    if (email !== undefined && isUniqueViolation(error)) throw accountExists(email);
    throw error;
  }
}

/**
 * Accepts as the signed-in account. Refused unless it is the invited address and that address was
 * proven through a mailed link: an unverified account may have been set up by someone else.
 */
export async function acceptInvitationAsUser(db: Db, token: unknown, userId: string, client: ClientInfo | null, now = new Date()): Promise<{ workspaceId: string }> {
  try {
    return await transaction(db, async (tx) => {
      const invitation = await consumeInvitation(tx, token, userId, now);
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
      if (!user) throw forbidden('Sign in to accept this invitation.');
      if (user.email !== invitation.email) throw forbidden(`This invitation is for ${invitation.email}, but you are signed in as ${user.email}. Sign out and sign in as ${invitation.email} to accept it.`);
      if (!user.emailVerifiedAt) throw forbidden(`Confirm that ${user.email} is your address first: send yourself a verification email, follow its link, then accept.`);
      await join(tx, invitation, userId, client);
      return { workspaceId: invitation.workspaceId };
    });
  } catch (error) {
    // Joined the same workspace through another invitation at the same moment (membership key).
    if (isUniqueViolation(error)) throw new AppError('conflict', ALREADY_MEMBER);
    throw error;
  }
}
