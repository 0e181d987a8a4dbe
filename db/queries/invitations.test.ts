import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { invitations, memberships, securityEvents, users, workspaces } from '../schema';
import { getRole } from './access';
import { acceptInvitationAsUser, acceptInvitationWithNewAccount, createInvitation, listPendingInvitations, lookupInvitation, reissueInvitation, revokeInvitation } from './invitations';
import { issueEmailToken, verifyEmail } from './email-tokens';
import { removeMember } from './workspaces';
import { hashToken } from '@/lib/auth/tokens';

const DAY = 24 * 60 * 60_000;
const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CLIENT = { ip: '203.0.113.7', userAgent: 'vitest' };

async function setup() {
  const db = await createTestDb();
  return transaction(db, async (tx) => {
    const [a, b] = await tx.insert(workspaces).values([
      { slug: 'a', name: 'Desk A', organizationName: 'A' },
      { slug: 'b', name: 'Desk B', organizationName: 'B' },
    ]).returning();
    const [ownerA, ownerB] = await tx.insert(users).values([
      { email: 'owner.a@example.org', name: 'Owner A', passwordHash: 'x', emailVerifiedAt: T0 },
      { email: 'owner.b@example.org', name: 'Owner B', passwordHash: 'x', emailVerifiedAt: T0 },
    ]).returning();
    await tx.insert(memberships).values([
      { workspaceId: a!.id, userId: ownerA!.id, role: 'owner' },
      { workspaceId: b!.id, userId: ownerB!.id, role: 'owner' },
    ]);
    return { db, a: a!, b: b!, ownerA: ownerA!, ownerB: ownerB! };
  });
}

type Fixture = Awaited<ReturnType<typeof setup>>;
const invite = (fx: Fixture, where: 'a' | 'b', email: string, delivery: 'email' | 'link' = 'link', now = T0) =>
  createInvitation(fx.db, { workspaceId: fx[where].id, email, name: 'New Hire', role: 'reviewer', invitedById: where === 'a' ? fx.ownerA.id : fx.ownerB.id, delivery, client: CLIENT }, now);

describe('invitations', () => {
  it('never make anyone a member before the link is accepted, and store only the token hash', async () => {
    const fx = await setup();
    const { invitation, token } = await invite(fx, 'a', ' NewHire@Example.org ');
    expect(invitation).toMatchObject({ email: 'newhire@example.org', role: 'reviewer', delivery: 'link', state: 'valid', invitedByName: 'Owner A' });
    expect(invitation.expiresAt.getTime() - T0.getTime()).toBe(7 * DAY);
    expect((await fx.db.select().from(users).where(eq(users.email, 'newhire@example.org')).limit(1))[0]).toBeUndefined();
    const row = (await fx.db.select().from(invitations).limit(1))[0]!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await listPendingInvitations(fx.db, fx.a.id, T0)).map((i) => i.email)).toEqual(['newhire@example.org']);
  });

  it('answer the same shape for an address with an account and one without (no enumeration)', async () => {
    const fx = await setup();
    const forExisting = await invite(fx, 'a', 'owner.b@example.org');
    const forNew = await invite(fx, 'a', 'nobody@example.org');
    const shape = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : typeof v === 'string' ? typeof v : v));
    const strip = ({ invitation, token }: { invitation: object; token: string }) => ({ invitation: { ...invitation, id: 'id', email: 'e', expiresAt: 'x', createdAt: 'x' }, token: token.length });
    expect(shape(strip(forExisting))).toBe(shape(strip(forNew)));
  });

  it('refuse to invite an existing member (409) and replace a pending invitation for the same address', async () => {
    const fx = await setup();
    await expect(invite(fx, 'a', 'owner.a@example.org')).rejects.toThrow(/already a member/);
    const first = await invite(fx, 'a', 'x@example.org');
    const second = await invite(fx, 'a', 'x@example.org');
    expect(await lookupInvitation(fx.db, first.token, T0)).toEqual({ state: 'revoked' });
    expect((await lookupInvitation(fx.db, second.token, T0)).state).toBe('valid');
    expect(await listPendingInvitations(fx.db, fx.a.id, T0)).toHaveLength(1);
  });

  it('work once, and not after 7 days (injected clock)', async () => {
    const fx = await setup();
    const { token } = await invite(fx, 'a', 'late@example.org');
    expect((await lookupInvitation(fx.db, token, at(7 * DAY - 1))).state).toBe('valid');
    expect(await lookupInvitation(fx.db, token, at(7 * DAY))).toEqual({ state: 'expired' });
    await expect(acceptInvitationWithNewAccount(fx.db, token, { name: 'Late', passwordHash: 'h' }, CLIENT, at(7 * DAY))).rejects.toThrow(/expired/);
    expect((await fx.db.select().from(users).where(eq(users.email, 'late@example.org')).limit(1))[0]).toBeUndefined();

    const fresh = await invite(fx, 'a', 'once@example.org');
    const joined = await acceptInvitationWithNewAccount(fx.db, fresh.token, { name: 'Once', passwordHash: 'h' }, CLIENT, at(1000));
    expect(await getRole(fx.db, joined.userId, fx.a.id)).toBe('reviewer');
    await expect(acceptInvitationWithNewAccount(fx.db, fresh.token, { name: 'Twice', passwordHash: 'h' }, CLIENT, at(2000))).rejects.toThrow(/already been used/);
    await expect(acceptInvitationAsUser(fx.db, fresh.token, joined.userId, CLIENT, at(2000))).rejects.toThrow(/already been used/);
    expect(await lookupInvitation(fx.db, fresh.token, at(2000))).toEqual({ state: 'used' });
    expect(await lookupInvitation(fx.db, 'not-a-token', T0)).toEqual({ state: 'invalid' });
    await expect(acceptInvitationAsUser(fx.db, 'x'.repeat(43), joined.userId, CLIENT, T0)).rejects.toThrow(/not valid/);
  });

  it('verify the address of a new account only when the link was mailed', async () => {
    const fx = await setup();
    const mailed = await invite(fx, 'a', 'mailed@example.org', 'email');
    const shown = await invite(fx, 'a', 'shown@example.org', 'link');
    expect((await acceptInvitationWithNewAccount(fx.db, mailed.token, { name: 'M', passwordHash: 'h' }, CLIENT, T0)).emailVerified).toBe(true);
    expect((await acceptInvitationWithNewAccount(fx.db, shown.token, { name: 'S', passwordHash: 'h' }, CLIENT, T0)).emailVerified).toBe(false);
    expect((await fx.db.select().from(users).where(eq(users.email, 'shown@example.org')).limit(1))[0]!.emailVerifiedAt).toBeNull();
  });

  it('stop the pre-hijacking attack: an account set up through another desk’s shown link cannot enter desk A', async () => {
    const fx = await setup();
    // 1–4. Owner B invites newhire, creates the account through the shown link, then removes it from B.
    const fromB = await invite(fx, 'b', 'newhire@example.org');
    const hijacked = await acceptInvitationWithNewAccount(fx.db, fromB.token, { name: 'New Hire', passwordHash: 'attacker-knows-this' }, CLIENT, T0);
    await removeMember(fx.db, fx.b.id, hijacked.userId, fx.ownerB.id, CLIENT);
    // 5. Owner A invites the same address: an ordinary pending invitation, no membership.
    const fromA = await invite(fx, 'a', 'newhire@example.org');
    expect(await getRole(fx.db, hijacked.userId, fx.a.id)).toBeNull();
    // 6. Even holding A's link, the attacker signed in as that account is refused; nothing is consumed.
    await expect(acceptInvitationAsUser(fx.db, fromA.token, hijacked.userId, CLIENT, at(1000))).rejects.toThrow(/Confirm that newhire@example.org is your address/);
    await expect(acceptInvitationWithNewAccount(fx.db, fromA.token, { name: 'Again', passwordHash: 'h' }, CLIENT, at(1000))).rejects.toThrow(/already exists/);
    expect(await getRole(fx.db, hijacked.userId, fx.a.id)).toBeNull();
    expect(await lookupInvitation(fx.db, fromA.token, at(1000))).toMatchObject({ state: 'valid', invitation: { account: { id: hijacked.userId, emailVerified: false } } });
    // Once the mailbox owner proves the address (mailed link), the same invitation can be accepted.
    const { token: verifyToken } = await issueEmailToken(fx.db, hijacked.userId, 'verify_email', at(2000));
    await verifyEmail(fx.db, verifyToken, CLIENT, at(3000));
    await acceptInvitationAsUser(fx.db, fromA.token, hijacked.userId, CLIENT, at(4000));
    expect(await getRole(fx.db, hijacked.userId, fx.a.id)).toBe('reviewer');
  });

  it('refuse a verified account that is not the invited address', async () => {
    const fx = await setup();
    const { token } = await invite(fx, 'a', 'someone@example.org');
    await expect(acceptInvitationAsUser(fx.db, token, fx.ownerB.id, CLIENT, T0)).rejects.toThrow(/for someone@example.org, but you are signed in as owner.b@example.org/);
    expect((await lookupInvitation(fx.db, token, T0)).state).toBe('valid');
  });

  it('let a verified existing account join as the invited role', async () => {
    const fx = await setup();
    const { token } = await invite(fx, 'a', 'owner.b@example.org');
    expect(await acceptInvitationAsUser(fx.db, token, fx.ownerB.id, CLIENT, T0)).toEqual({ workspaceId: fx.a.id });
    expect(await getRole(fx.db, fx.ownerB.id, fx.a.id)).toBe('reviewer');
    expect(await listPendingInvitations(fx.db, fx.a.id, T0)).toEqual([]);
  });

  it('revoke and resend: the old link dies, the new one works for 7 more days', async () => {
    const fx = await setup();
    const first = await invite(fx, 'a', 'r@example.org');
    const resent = await reissueInvitation(fx.db, fx.a.id, first.invitation.id, fx.ownerA.id, 'link', CLIENT, at(DAY));
    expect(resent.invitation.expiresAt.getTime()).toBe(at(8 * DAY).getTime());
    expect(await lookupInvitation(fx.db, first.token, at(DAY))).toEqual({ state: 'invalid' });
    expect((await lookupInvitation(fx.db, resent.token, at(DAY))).state).toBe('valid');
    await revokeInvitation(fx.db, fx.a.id, first.invitation.id, fx.ownerA.id, CLIENT, {}, at(DAY));
    expect(await lookupInvitation(fx.db, resent.token, at(DAY))).toEqual({ state: 'revoked' });
    await expect(revokeInvitation(fx.db, fx.a.id, first.invitation.id, fx.ownerA.id, CLIENT, {}, at(DAY))).rejects.toThrow(/not found/);
    // Another workspace's owner cannot touch it through their own workspace id.
    const other = await invite(fx, 'a', 'o@example.org');
    await expect(revokeInvitation(fx.db, fx.b.id, other.invitation.id, fx.ownerB.id, CLIENT)).rejects.toThrow(/not found/);
    await expect(reissueInvitation(fx.db, fx.b.id, other.invitation.id, fx.ownerB.id, 'link', CLIENT)).rejects.toThrow(/not found/);
  });

  it('write the security log in the same transaction', async () => {
    const fx = await setup();
    const { token, invitation } = await invite(fx, 'a', 'log@example.org');
    await acceptInvitationWithNewAccount(fx.db, token, { name: 'Log', passwordHash: 'h' }, CLIENT, T0);
    const second = await invite(fx, 'a', 'gone@example.org');
    await revokeInvitation(fx.db, fx.a.id, second.invitation.id, fx.ownerA.id, CLIENT);
    const types = (await fx.db.select().from(securityEvents).where(eq(securityEvents.workspaceId, fx.a.id))).map((e) => e.type);
    expect(types.sort()).toEqual(['invitation_accepted', 'invitation_created', 'invitation_created', 'invitation_revoked']);
    // The invitee accepted (they are the one who acted); the inviter is kept in the detail.
    const accepted = (await fx.db.select().from(securityEvents).where(eq(securityEvents.type, 'invitation_accepted')).limit(1))[0]!;
    expect(accepted).toMatchObject({ actorId: null, detail: { email: 'log@example.org', invitedById: fx.ownerA.id } });
    expect(accepted.userId).not.toBeNull();
    const created = (await fx.db.select().from(securityEvents).where(eq(securityEvents.type, 'invitation_created')).orderBy(asc(securityEvents.createdAt), asc(securityEvents.id)).limit(1))[0]!;
    expect(created).toMatchObject({ actorId: fx.ownerA.id, ip: '203.0.113.7', userAgent: 'vitest', detail: { email: invitation.email, role: 'reviewer', delivery: 'link' } });
    // A refused acceptance rolls back entirely: no event, no account.
    const third = await invite(fx, 'a', 'owner.b@example.org');
    const before = (await fx.db.select().from(securityEvents)).length;
    await expect(acceptInvitationAsUser(fx.db, third.token, fx.ownerA.id, CLIENT)).rejects.toThrow();
    expect(await fx.db.select().from(securityEvents)).toHaveLength(before);
  });
});
