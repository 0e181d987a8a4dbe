import { authorize } from '@/db/queries/access';
import { refitWorkspaceModel } from '@/db/queries/check-worthiness-settings';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { refitSchema } from '@/lib/validations/check-worthiness';

/** Re-fits the weights on the desk's decisions (owner) → RefitResultDto (stored, not switched on); 422 in words with too few examples. */
export const POST = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  const input = req.headers.get('content-length') === '0' ? {} : await readJson(req, refitSchema);
  return Response.json(await refitWorkspaceModel(db, params.workspaceId, user.id, { folds: input.folds, signal: req.signal }), { status: 201 });
});
