import { authorizeArticle } from '@/db/queries/access';
import { listRevisionSummaries } from '@/db/queries/article-updates';
import { apiRoute } from '@/lib/server/api/handler';

/** GET: the article's text revisions, newest first (when, who, how much changed, whether a story update). Readers may look. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { article } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { current: article.revision, revisions: await listRevisionSummaries(db, params.articleId) };
});
