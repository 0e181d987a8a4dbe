import { authorize } from '@/db/queries/access';
import { updateWorkspaceSettings } from '@/db/queries/workspaces';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { workspaceSettingsSchema } from '@/lib/validations/workspaces';

export const PATCH = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  const input = await readJson(req, workspaceSettingsSchema);
  return { workspace: await updateWorkspaceSettings(db, params.workspaceId, input, user.id) };
});
