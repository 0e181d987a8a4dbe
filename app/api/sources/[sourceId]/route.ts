import { authorizeSource } from '@/db/queries/access';
import { deleteSource, updateSource } from '@/db/queries/sources';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { deleteSourceSchema, updateSourceSchema } from '@/lib/validations/claims';
import { scheduleArchive } from '@/lib/server/archive/queue';

export const PATCH = apiRoute<{ sourceId: string }>(async ({ req, params, user, db }) => {
  const scope = await authorizeSource(db, user.id, params.sourceId, 'source:write');
  const input = await readJson(req, updateSourceSchema);
  const source = await updateSource(db, params.sourceId, input, user.id);
  if (source.archive?.status === 'pending') scheduleArchive(db, source.archive.id);
  emitEntity('source.updated', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: source.claimId }, source, user.id);
  return { source };
});

export const DELETE = apiRoute<{ sourceId: string }>(async ({ req, params, user, db }) => {
  const scope = await authorizeSource(db, user.id, params.sourceId, 'source:write');
  const { version } = await readJson(req, deleteSourceSchema);
  await deleteSource(db, params.sourceId, version, user.id);
  emitEntity('source.deleted', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: scope.source.claimId }, { id: scope.source.id }, user.id);
  return { ok: true };
});
