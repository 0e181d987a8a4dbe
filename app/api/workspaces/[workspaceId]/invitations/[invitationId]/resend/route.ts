import { authorize } from '@/db/queries/access';
import { reissueInvitation } from '@/db/queries/invitations';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute } from '@/lib/server/api/handler';
import { deliverInvitation, invitationDelivery } from '@/lib/server/mail/deliver';

/** A new link for a pending invitation (7 more days); the previous link dies. Same answer shape as inviting. */
export const POST = apiRoute<{ workspaceId: string; invitationId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const client = clientInfo(req.headers);
  const issued = await reissueInvitation(db, params.workspaceId, params.invitationId, user.id, invitationDelivery(), client);
  return deliverInvitation(db, issued, { workspaceId: params.workspaceId, inviterName: user.name, actorId: user.id, client });
});
