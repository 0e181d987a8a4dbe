import { authorizeArticle } from '@/db/queries/access';
import { listAssignments } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';

export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { assignments: await listAssignments(db, params.articleId) };
});
