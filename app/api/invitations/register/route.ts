import { acceptInvitationWithNewAccount, lookupInvitation } from '@/db/queries/invitations';
import { clientInfo } from '@/lib/api/client-info';
import { publicApiRoute, readJson } from '@/lib/server/api/handler';
import { hashPassword } from '@/lib/auth/password';
import { DEAD_LINK_MESSAGES } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { acceptWithNewAccountSchema } from '@/lib/validations/invitations';

/**
 * Accepts an invitation for an address that has no account yet: creates the account and the
 * membership in one transaction. The invitation link is the proof; no session is needed.
 */
export const POST = publicApiRoute(async ({ req, db }) => {
  const input = await readJson(req, acceptWithNewAccountSchema);
  // Check the link before spending a password hash on it; the transaction checks it again.
  const found = await lookupInvitation(db, input.token);
  if (found.state !== 'valid') throw new AppError('unprocessable', DEAD_LINK_MESSAGES[found.state]);
  if (found.invitation.account) throw new AppError('conflict', `An account for ${found.invitation.email} already exists. Sign in as ${found.invitation.email} to accept.`);
  const passwordHash = await hashPassword(input.password);
  const created = await acceptInvitationWithNewAccount(db, input.token, { name: input.name, passwordHash }, clientInfo(req.headers));
  return Response.json({ ok: true, userId: created.userId, email: created.email, workspaceId: created.workspaceId, emailVerified: created.emailVerified }, { status: 201 });
});
