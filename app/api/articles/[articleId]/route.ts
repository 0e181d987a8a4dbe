import { authorizeArticle } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { apiRoute } from '@/lib/api/handler';

/** The article as the workbench holds it: text, versions, workflow state, and its claims. */
export const GET = apiRoute<{ articleId: string }>(({ params, user, db }) => {
  const { article, role } = authorizeArticle(db, user.id, params.articleId, 'article:read');
  return {
    article: {
      id: article.id,
      version: article.version,
      revision: article.revision,
      status: article.status,
      blindReview: article.blindReview,
      doc: article.docJson,
    },
    claims: listClaimsForViewer(db, article.id, { userId: user.id, role }),
  };
});
