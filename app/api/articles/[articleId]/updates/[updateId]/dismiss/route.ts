import { authorizeArticle } from '@/db/queries/access';
import { dismissArticleUpdate } from '@/db/queries/article-updates';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { updateIdSchema } from '@/lib/validations/article-updates';

/** POST: the editor does not take this version of the story (409 when it was decided already). */
export const POST = apiRoute<{ articleId: string; updateId: string }>(async ({ params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  if (!updateIdSchema.safeParse(params.updateId).success) throw notFound('Update');
  return { update: await dismissArticleUpdate(db, { articleId: params.articleId, updateId: params.updateId, actorId: user.id }) };
});
