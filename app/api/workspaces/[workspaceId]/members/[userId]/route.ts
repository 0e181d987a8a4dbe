import { authorize } from '@/db/queries/access';
import { changeMemberRole, removeMember } from '@/db/queries/workspaces';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitMemberRemoved } from '@/lib/events/emit';
import { changeRoleSchema } from '@/lib/validations/workspaces';

export const PATCH = apiRoute<{ workspaceId: string; userId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const { role } = await readJson(req, changeRoleSchema);
  await changeMemberRole(db, params.workspaceId, params.userId, role, user.id, clientInfo(req.headers));
  return { ok: true };
});

export const DELETE = apiRoute<{ workspaceId: string; userId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  // A member left with no workspace also loses every session (see removeMember).
  await removeMember(db, params.workspaceId, params.userId, user.id, clientInfo(req.headers));
  emitMemberRemoved(params.workspaceId, params.userId, user.id);
  return { ok: true };
});
