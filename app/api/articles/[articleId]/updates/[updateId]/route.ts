import { authorizeArticle } from '@/db/queries/access';
import { getArticleUpdateView } from '@/db/queries/article-updates';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { updateIdSchema } from '@/lib/validations/article-updates';

/**
 * GET: a story update with its side-by-side diff and the claims it touches, worked out against the
 * article's CURRENT text (`revisionMoved` says when that is newer than the text it was fetched
 * against). Readers may look; only editors accept or dismiss.
 */
export const GET = apiRoute<{ articleId: string; updateId: string }>(async ({ params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:read');
  if (!updateIdSchema.safeParse(params.updateId).success) throw notFound('Update');
  return getArticleUpdateView(db, params.articleId, params.updateId);
});
