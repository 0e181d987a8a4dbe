import { searchWorkspaces } from '@/db/queries/search';
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { parseSearchParams } from '@/lib/search/params';

/**
 * Full-text search for scripts: the search page's URL parameters (lib/search/params.ts), the same
 * scoping (the caller's workspaces, blind review) and the same JSON as the page (SearchResults).
 * Bad parameters: 400 with the reason.
 */
export const GET = apiRoute(async ({ req, user, db }) => {
  const parsed = parseSearchParams(new URL(req.url).searchParams);
  if (!parsed.ok) throw new AppError('bad_request', parsed.error);
  return searchWorkspaces(db, { userId: user.id }, parsed.params);
});
