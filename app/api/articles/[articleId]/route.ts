import { authorizeArticle, getArticleDoc } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { apiRoute } from '@/lib/server/api/handler';

/**
 * The article as the workbench holds it: text, versions, workflow state, and its claims.
 * `?fields=meta` answers with the row's versions and workflow state only (no text, no claims):
 * what a client needs after a status or blind-review change. `?fields=text` adds the text, still
 * without the claims (a client that refetches text after a save elsewhere fetches claims apart).
 */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const meta = { id: article.id, version: article.version, revision: article.revision, status: article.status, blindReview: article.blindReview };
  const fields = new URL(req.url).searchParams.get('fields');
  if (fields === 'meta') return { article: meta };
  // The document is read on its own (authorisation hands out no text); its revision is the one it was saved with.
  const { doc, revision } = await getArticleDoc(db, article.id);
  if (fields === 'text') return { article: { ...meta, revision, doc } };
  return {
    article: { ...meta, revision, doc },
    claims: await listClaimsForViewer(db, article.id, { userId: user.id, role }),
  };
});
