import { authorizeArticle } from '@/db/queries/access';
import { updateArticleSettings } from '@/db/queries/article-status';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { articleSettingsSchema } from '@/lib/validations/review';

/**
 * Article settings, editors and owners, in any status: blind review, and the slug of the public
 * address (unique in the workspace, 409 otherwise; old public addresses redirect).
 */
export const PATCH = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const input = await readJson(req, articleSettingsSchema);
  const { article, changed, slug, fields } = await updateArticleSettings(db, { ...input, articleId: params.articleId, role, actorId: user.id });
  // A slug change has no event field of its own: an empty list makes clients refetch the article.
  if (changed) emitArticleUpdated(article, fields.includes('blindReview') ? ['blindReview'] : [], user.id);
  return { article, slug };
});
