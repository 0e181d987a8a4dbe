import { authorize } from '@/db/queries/access';
import { createArticle } from '@/db/queries/articles';
import { ARTICLE_BODY_LIMIT_BYTES } from '@/lib/api/body';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { createArticleSchema } from '@/lib/validations/articles';
import { idSchema } from '@/lib/validations/common';

const bodySchema = createArticleSchema.extend({ workspaceId: idSchema });

export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, bodySchema, { maxBytes: ARTICLE_BODY_LIMIT_BYTES });
  await authorize(db, user.id, input.workspaceId, 'article:create', 'Workspace');
  const article = await createArticle(db, { ...input, createdBy: user.id });
  return Response.json({ article: { id: article.id, slug: article.slug } }, { status: 201 });
});
