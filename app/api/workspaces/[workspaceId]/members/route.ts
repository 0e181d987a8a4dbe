import { authorize } from '@/db/queries/access';
import { addMember, listMembers } from '@/db/queries/workspaces';
import { apiRoute, readJson } from '@/lib/api/handler';
import { addMemberSchema } from '@/lib/validations/workspaces';

export const GET = apiRoute<{ workspaceId: string }>(({ params, user, db }) => {
  authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  return { members: listMembers(db, params.workspaceId) };
});

export const POST = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const input = await readJson(req, addMemberSchema);
  const created = await addMember(db, params.workspaceId, input, user.id);
  return Response.json({ member: created }, { status: 201 });
});
