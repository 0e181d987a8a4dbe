import { authorize } from '@/db/queries/access';
import { revokeInvitation } from '@/db/queries/invitations';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute } from '@/lib/server/api/handler';

/** Withdraws a pending invitation: its link stops working at once. */
export const DELETE = apiRoute<{ workspaceId: string; invitationId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  await revokeInvitation(db, params.workspaceId, params.invitationId, user.id, clientInfo(req.headers));
  return { ok: true };
});
