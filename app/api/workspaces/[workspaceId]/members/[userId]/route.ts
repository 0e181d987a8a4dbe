import { authorize } from '@/db/queries/access';
import { changeMemberRole, removeMember } from '@/db/queries/workspaces';
import { apiRoute, readJson } from '@/lib/api/handler';
import { emitMemberRemoved } from '@/lib/events/emit';
import { changeRoleSchema } from '@/lib/validations/workspaces';

export const PATCH = apiRoute<{ workspaceId: string; userId: string }>(async ({ req, params, user, db }) => {
  authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const { role } = await readJson(req, changeRoleSchema);
  changeMemberRole(db, params.workspaceId, params.userId, role, user.id);
  return { ok: true };
});

export const DELETE = apiRoute<{ workspaceId: string; userId: string }>(({ params, user, db }) => {
  authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  removeMember(db, params.workspaceId, params.userId, user.id);
  emitMemberRemoved(params.workspaceId, params.userId, user.id);
  return { ok: true };
});
