import { authorize } from '@/db/queries/access';
import { activateModel } from '@/db/queries/check-worthiness-settings';
import { apiRoute } from '@/lib/server/api/handler';

/** Switches a re-fitted model on (owner) → CheckWorthinessSettingsDto. Deactivate: PUT the settings with activeModelId null. */
export const POST = apiRoute<{ workspaceId: string; modelId: string }>(async ({ params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  return activateModel(db, params.workspaceId, params.modelId);
});
