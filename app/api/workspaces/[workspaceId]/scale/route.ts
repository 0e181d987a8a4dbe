import { authorize } from '@/db/queries/access';
import { getScale, replaceScale } from '@/db/queries/scales';
import { apiRoute, parseInput, readJson } from '@/lib/server/api/handler';
import { ratingScaleInputSchema } from '@/lib/verdicts/scale';
import { updateScaleSchema } from '@/lib/validations/workspaces';

export const GET = apiRoute<{ workspaceId: string }>(async ({ params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  return { scale: await getScale(db, params.workspaceId) };
});

export const PUT = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'scale:manage', 'Workspace');
  const input = await readJson(req, updateScaleSchema);
  const scale = parseInput(ratingScaleInputSchema, { name: input.name, levels: input.levels });
  return { scale: await replaceScale(db, params.workspaceId, { ...scale, version: input.version }, user.id) };
});
