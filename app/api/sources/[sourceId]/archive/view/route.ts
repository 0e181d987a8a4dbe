import { authorizeSource } from '@/db/queries/access';
import { latestDoneArchive } from '@/db/queries/source-archives';
import { AppError, notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { archiveViewResponse, parseArchiveView } from '@/lib/server/archive/view';

/**
 * The newest archived copy of a source, for members: ?as=pdf (inline), ?as=text (the readable
 * text with where and when it was taken, the default) or ?as=page (the page as fetched, sandboxed).
 */
export const GET = apiRoute<{ sourceId: string }>(async ({ req, params, user, db }) => {
  await authorizeSource(db, user.id, params.sourceId, 'article:read');
  const view = parseArchiveView(new URL(req.url).searchParams.get('as'), ['pdf', 'text', 'page']);
  if (!view) throw new AppError('bad_request', 'Ask for the copy as=pdf, as=text or as=page.');
  const row = await latestDoneArchive(db, params.sourceId);
  if (!row) throw notFound('Archived copy');
  const response = archiveViewResponse(row, view);
  if (!response) throw notFound(view === 'pdf' ? 'PDF of this archived copy' : view === 'text' ? 'Readable text of this archived copy' : 'Page of this archived copy');
  return response;
});
