import { authorizeArticle } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { apiRoute } from '@/lib/server/api/handler';

export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { revision: article.revision, claims: await listClaimsForViewer(db, article.id, { userId: user.id, role }) };
});
