import { authorize } from '@/db/queries/access';
import { getCheckWorthinessSettings, updateCheckWorthinessSettings } from '@/db/queries/check-worthiness-settings';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { updateCheckWorthinessSettingsSchema } from '@/lib/validations/check-worthiness';

/** The workspace's Find claims settings (CheckWorthinessSettingsDto): members read, the owner changes. */
export const GET = apiRoute<{ workspaceId: string }>(async ({ params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  return getCheckWorthinessSettings(db, params.workspaceId);
});

export const PUT = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  const input = await readJson(req, updateCheckWorthinessSettingsSchema);
  return updateCheckWorthinessSettings(db, params.workspaceId, input);
});
