import { authorizeClaim } from '@/db/queries/access';
import { addSource } from '@/db/queries/sources';
import { apiRoute, readJson } from '@/lib/api/handler';
import { sourceFieldsSchema } from '@/lib/validations/claims';

export const POST = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const fields = await readJson(req, sourceFieldsSchema);
  authorizeClaim(db, user.id, params.claimId, 'source:write');
  return Response.json({ source: addSource(db, params.claimId, fields, user.id) }, { status: 201 });
});
