import { authorizeArticle } from '@/db/queries/access';
import { compareRevisions } from '@/db/queries/article-updates';
import { apiRoute, parseInput } from '@/lib/server/api/handler';
import { compareRevisionsQuerySchema } from '@/lib/validations/article-updates';

/** GET ?from=&to=: side-by-side rows between two stored revisions ("what changed since we checked it"). Readers may look. */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const url = new URL(req.url);
  const { from, to } = parseInput(compareRevisionsQuerySchema, { from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined });
  return compareRevisions(db, params.articleId, from, to);
});
