import { authorizeArticle } from '@/db/queries/access';
import { listArticleUpdates, recordUpdateCheck } from '@/db/queries/article-updates';
import { consume } from '@/db/queries/rate-limits';
import { AppError, tooManyRequests } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { FetchError } from '@/lib/server/fetch/types';
import { ImportError } from '@/lib/import/types';
import { fetchArticleFromUrl } from '@/lib/server/import/from-url';
import { URL_IMPORT_LIMIT, retryAfterSeconds, urlImportKey, urlImportLimitMessage } from '@/lib/server/import/url-quota';

// Fetches a page (DNS, sockets) and parses it with jsdom: Node only.
export const runtime = 'nodejs';

/** GET: the article's story updates, newest first (their status, when, by whom; no texts). Readers may look. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return { updates: await listArticleUpdates(db, params.articleId) };
});

/**
 * POST: "Check for updates" (editors and owners). Fetches the article's URL again through the safe
 * fetcher and the URL importer; the same text → `{ changed: false, checkedAt }`, nothing stored;
 * other text → a pending update `{ changed: true, update }` (older pending ones are dismissed).
 * A page that cannot be fetched or read → 422 with the reason. Counted with URL imports per user.
 */
export const POST = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { article } = await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const url = article.url?.trim() ?? '';
  if (!/^https?:\/\//i.test(url)) throw new AppError('unprocessable', 'This article has no web address to check. Add its URL in the article details first.');
  const quota = await consume(db, urlImportKey(user.id), URL_IMPORT_LIMIT);
  if (!quota.allowed) throw tooManyRequests(urlImportLimitMessage(URL_IMPORT_LIMIT, quota.retryAfterMs), retryAfterSeconds(quota.retryAfterMs));
  let fetched: Awaited<ReturnType<typeof fetchArticleFromUrl>>;
  try {
    fetched = await fetchArticleFromUrl(url);
  } catch (error) {
    if (error instanceof FetchError || error instanceof ImportError) throw new AppError('unprocessable', `Could not check for updates: ${error.message}`, { reason: error.reason });
    throw error;
  }
  return recordUpdateCheck(db, { articleId: article.id, url: fetched.finalUrl, fetched, actorId: user.id });
});
