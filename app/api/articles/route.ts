import { authorize } from '@/db/queries/access';
import { createArticle } from '@/db/queries/articles';
import { ARTICLE_BODY_LIMIT_BYTES } from '@/lib/api/body';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { autoFindAfterImport } from '@/lib/server/check-worthiness-jobs';
import { createArticleRequestSchema } from '@/lib/validations/articles';

/**
 * Creates an article from its plain `text`, or from the `doc` the import preview gave (with its
 * `importFormat`): the document is checked again by the article schema (a client may send any
 * JSON), an empty one is refused, and nothing is created on any refusal. With the workspace's
 * "Find claims after import" on, a Find claims run is queued for the new article.
 */
export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, createArticleRequestSchema, { maxBytes: ARTICLE_BODY_LIMIT_BYTES });
  await authorize(db, user.id, input.workspaceId, 'article:create', 'Workspace');
  const article = await createArticle(db, { ...input, createdBy: user.id });
  // Find claims in the background when the workspace switched it on for imports (never fails the import).
  await autoFindAfterImport(db, article, user.id);
  return Response.json({ article: { id: article.id, slug: article.slug } }, { status: 201 });
});
