import { authorizeArticleScope } from '@/db/queries/access';
import { listArticleSuggestions } from '@/db/queries/check-worthiness';
import { apiRoute } from '@/lib/server/api/handler';

/** The latest Find claims run and the open suggestions above the workspace threshold, anchored to the current text (ArticleSuggestionsDto). */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const scope = await authorizeArticleScope(db, user.id, params.articleId, 'article:read');
  return listArticleSuggestions(db, scope.articleId);
});
