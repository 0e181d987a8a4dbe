import { authorizeArticle } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { apiRoute } from '@/lib/server/api/handler';

/**
 * The article as the workbench holds it: text, versions, workflow state, and its claims.
 * `?fields=meta` answers with the row's versions and workflow state only (no text, no claims):
 * what a client needs after a status or blind-review change.
 */
export const GET = apiRoute<{ articleId: string }>(({ req, params, user, db }) => {
  const { article, role } = authorizeArticle(db, user.id, params.articleId, 'article:read');
  const meta = { id: article.id, version: article.version, revision: article.revision, status: article.status, blindReview: article.blindReview };
  if (new URL(req.url).searchParams.get('fields') === 'meta') return { article: meta };
  return {
    article: { ...meta, doc: article.docJson },
    claims: listClaimsForViewer(db, article.id, { userId: user.id, role }),
  };
});
