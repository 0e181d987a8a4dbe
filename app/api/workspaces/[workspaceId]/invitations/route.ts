import { authorize } from '@/db/queries/access';
import { listPendingInvitations } from '@/db/queries/invitations';
import { apiRoute } from '@/lib/server/api/handler';

/** Pending invitations (owners only): email, role, expiry, delivery. */
export const GET = apiRoute<{ workspaceId: string }>(async ({ params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  return { invitations: await listPendingInvitations(db, params.workspaceId) };
});
