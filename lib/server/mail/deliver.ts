import 'server-only';
import type { Db } from '@/db/client';
import { revokeInvitation } from '@/db/queries/invitations';
import type { InvitationDto } from '@/lib/domain/workspaces';
import { getWorkspace } from '@/db/queries/workspaces';
import type { ClientInfo } from '@/lib/api/client-info';
import { appLink, isMailConfigured } from '@/lib/mail/config';
import { invitationMail, passwordResetMail, verifyEmailMail } from '@/lib/mail/messages';
import { sendMail } from '@/lib/mail/send';

/** How a new invitation reaches the invitee: mailed when SMTP is set up, else shown to the owner. */
export const invitationDelivery = () => (isMailConfigured() ? 'email' : 'link') as 'email' | 'link';

export const invitationLink = (token: string) => appLink(`/invite/${token}`);
export const verifyEmailLink = (token: string) => appLink(`/verify-email/${token}`);
export const resetPasswordLink = (token: string) => appLink(`/reset-password/${token}`);

/**
 * Hands a freshly issued invitation to its invitee. Mailed: the owner never sees the link, and if
 * the mail cannot be sent the invitation is withdrawn (nobody holds a working link) and the error
 * is reported. Not mailed: the answer carries the link for the owner to pass on.
 */
export async function deliverInvitation(
  db: Db,
  issued: { invitation: InvitationDto; token: string },
  context: { workspaceId: string; inviterName: string; actorId: string; client: ClientInfo | null },
): Promise<{ invitation: InvitationDto; link?: string }> {
  const link = invitationLink(issued.token);
  if (issued.invitation.delivery === 'link') return { invitation: issued.invitation, link };
  const workspace = await getWorkspace(db, context.workspaceId);
  try {
    await sendMail(issued.invitation.email, invitationMail({ inviterName: context.inviterName, workspaceName: workspace.name, role: issued.invitation.role, link, expiresAt: issued.invitation.expiresAt }));
  } catch (error) {
    await revokeInvitation(db, context.workspaceId, issued.invitation.id, context.actorId, context.client, { reason: 'mail_failed' });
    throw error;
  }
  return { invitation: issued.invitation };
}

export async function sendVerificationMail(to: { email: string; name: string }, issued: { token: string; expiresAt: Date }): Promise<void> {
  await sendMail(to.email, verifyEmailMail({ name: to.name, link: verifyEmailLink(issued.token), expiresAt: issued.expiresAt }));
}

export async function sendPasswordResetMail(to: { email: string; name: string }, issued: { token: string; expiresAt: Date }): Promise<void> {
  await sendMail(to.email, passwordResetMail({ name: to.name, link: resetPasswordLink(issued.token), expiresAt: issued.expiresAt }));
}
