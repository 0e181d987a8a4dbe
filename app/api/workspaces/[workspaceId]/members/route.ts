import { authorize } from '@/db/queries/access';
import { createInvitation } from '@/db/queries/invitations';
import { listMembers } from '@/db/queries/workspaces';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { deliverInvitation, invitationDelivery } from '@/lib/server/mail/deliver';
import { addMemberSchema } from '@/lib/validations/workspaces';

export const GET = apiRoute<{ workspaceId: string }>(async ({ params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  return { members: await listMembers(db, params.workspaceId) };
});

/**
 * Invites someone (the UI's "Invite"). Always answers 201 with the same shape, whether or not the
 * address already has an account: `link` is present exactly when mail is not configured.
 */
export const POST = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const input = await readJson(req, addMemberSchema);
  const client = clientInfo(req.headers);
  const issued = await createInvitation(db, { workspaceId: params.workspaceId, ...input, invitedById: user.id, delivery: invitationDelivery(), client });
  const delivered = await deliverInvitation(db, issued, { workspaceId: params.workspaceId, inviterName: user.name, actorId: user.id, client });
  return Response.json(delivered, { status: 201 });
});
