import { authorizeSource } from '@/db/queries/access';
import { deleteSource, updateSource } from '@/db/queries/sources';
import { apiRoute, readJson } from '@/lib/api/handler';
import { deleteSourceSchema, updateSourceSchema } from '@/lib/validations/claims';

export const PATCH = apiRoute<{ sourceId: string }>(async ({ req, params, user, db }) => {
  const input = await readJson(req, updateSourceSchema);
  authorizeSource(db, user.id, params.sourceId, 'source:write');
  return { source: updateSource(db, params.sourceId, input, user.id) };
});

export const DELETE = apiRoute<{ sourceId: string }>(async ({ req, params, user, db }) => {
  const { version } = await readJson(req, deleteSourceSchema);
  authorizeSource(db, user.id, params.sourceId, 'source:write');
  deleteSource(db, params.sourceId, version, user.id);
  return { ok: true };
});
