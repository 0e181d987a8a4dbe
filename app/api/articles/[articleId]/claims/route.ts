import { authorizeArticle } from '@/db/queries/access';
import { listClaimRowsForViewer } from '@/db/queries/claim-views';
import { apiRoute } from '@/lib/server/api/handler';

/** The article's claims as slim list rows (ClaimRow); GET /api/claims/:id has a claim in full. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { revision: article.revision, claims: await listClaimRowsForViewer(db, article.id, { userId: user.id, role }) };
});
