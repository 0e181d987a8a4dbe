import { authorize } from '@/db/queries/access';
import { leaveWorkspace } from '@/db/queries/workspaces';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute } from '@/lib/server/api/handler';
import { emitMemberRemoved } from '@/lib/events/emit';

/**
 * The caller leaves the workspace (422 for its last owner). Leaving the last workspace ends every
 * session of the account: `signedOut` tells the page to go to sign-in.
 */
export const POST = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  const { sessionsRevoked } = await leaveWorkspace(db, params.workspaceId, user.id, clientInfo(req.headers));
  emitMemberRemoved(params.workspaceId, user.id, user.id);
  return { ok: true, signedOut: sessionsRevoked };
});
