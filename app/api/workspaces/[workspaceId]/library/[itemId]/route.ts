import { authorize } from '@/db/queries/access';
import { deleteLibraryItem } from '@/db/queries/claim-library';
import { libraryDeleteSchema } from '@/lib/claim-review/validation';
import { notFound } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { idSchema } from '@/lib/validations/common';

/** Removes a claim library item (editors and owners), with the version the caller saw (409 when stale). */
export const DELETE = apiRoute<{ workspaceId: string; itemId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:create', 'Workspace');
  if (!idSchema.safeParse(params.itemId).success) throw notFound('Library item');
  const { version } = await readJson(req, libraryDeleteSchema);
  await deleteLibraryItem(db, params.workspaceId, params.itemId, version);
  return { ok: true };
});
