import { authorizeClaim } from '@/db/queries/access';
import { addSource } from '@/db/queries/sources';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { sourceFieldsSchema } from '@/lib/validations/claims';
import { scheduleArchive } from '@/lib/server/archive/queue';

export const POST = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim } = await authorizeClaim(db, user.id, params.claimId, 'source:write');
  const fields = await readJson(req, sourceFieldsSchema);
  const source = await addSource(db, params.claimId, fields, user.id);
  if (source.archive?.status === 'pending') scheduleArchive(db, source.archive.id);
  emitEntity('source.created', { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id }, source, user.id);
  return Response.json({ source }, { status: 201 });
});
