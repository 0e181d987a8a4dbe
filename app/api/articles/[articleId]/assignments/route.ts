import { authorizeArticle } from '@/db/queries/access';
import { listAssignments } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';

export const GET = apiRoute<{ articleId: string }>(({ params, user, db }) => {
  authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { assignments: listAssignments(db, params.articleId) };
});
