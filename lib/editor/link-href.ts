import { safeHttpUrl } from '@/lib/export/escape';

/** Longest link target an article keeps (real ones are far shorter; a longer one is likely junk). */
export const MAX_LINK_HREF_CHARS = 2048;

/**
 * The href an article link may carry: an absolute http(s) URL (normalised), or a mailto: address.
 * Everything else (javascript:, data:, relative paths, fragments) is null: the importers drop the
 * link and keep its text, and the article schema refuses it.
 */
export function articleLinkHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > MAX_LINK_HREF_CHARS) return null;
  const trimmed = href.trim();
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(trimmed)) return trimmed;
  const url = safeHttpUrl(trimmed);
  return url && url.length <= MAX_LINK_HREF_CHARS ? url : null;
}
