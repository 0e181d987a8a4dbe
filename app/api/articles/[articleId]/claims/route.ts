import { authorizeArticle } from '@/db/queries/access';
import { listClaims } from '@/db/queries/claims';
import { apiRoute } from '@/lib/api/handler';

export const GET = apiRoute<{ articleId: string }>(({ params, user, db }) => {
  const { article } = authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { revision: article.revision, claims: listClaims(db, article.id) };
});
