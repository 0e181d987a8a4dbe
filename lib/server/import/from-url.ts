import 'server-only';
import { convertImport } from '@/lib/import';
import type { ImportedArticle } from '@/lib/import/types';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { safeFetch } from '@/lib/server/fetch/safe-fetch';

/**
 * A web page as an article: fetched through the one safe fetcher (http/https, no private
 * addresses, redirects checked hop by hop, size and time limits), then its main content extracted
 * and sanitised by the URL importer. The document's links resolve against the final URL, which is
 * also the article's URL ("Check for updates" fetches it again).
 *
 * Throws FetchError (unreachable, not HTML, too large, redirect loop, private address…) or
 * ImportError (nothing readable on the page); both carry a message for people.
 */
export async function fetchArticleFromUrl(url: string, options: { signal?: AbortSignal } = {}): Promise<ImportedArticle & { finalUrl: string }> {
  const page = await safeFetch(url, { maxBytes: MAX_IMPORT_BYTES, signal: options.signal });
  const article = await convertImport({ format: 'url', html: page.text, url: page.finalUrl });
  return { ...article, finalUrl: page.finalUrl };
}
