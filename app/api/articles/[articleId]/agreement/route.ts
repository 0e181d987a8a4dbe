import { authorizeArticle } from '@/db/queries/access';
import { articleAgreement } from '@/db/queries/verdicts';
import { apiRoute } from '@/lib/server/api/handler';

/** Percent agreement and Fleiss' kappa over the article's claims with two or more reviewer verdicts. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { agreement: await articleAgreement(db, params.articleId, user.id, role) };
});
