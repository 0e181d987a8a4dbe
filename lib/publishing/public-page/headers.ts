/**
 * Response headers of the public fact-check pages and their preview. The pages are static
 * documents: no script runs (the JSON-LD block is data, which `script-src 'none'` does not stop
 * from being read), styles are inline, images only data: URLs, nothing is loaded from elsewhere.
 *
 * Headers set by proxy.ts or next.config.js win over a route's own (Next.js keeps the first
 * value), so proxy.ts sends PUBLIC_PAGE_CSP for /fact-checks/… itself and next.config.js allows
 * the preview route to be framed by the app (X-Frame-Options SAMEORIGIN for that route only).
 */

const STATIC_DOCUMENT = ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', "script-src 'none'", "base-uri 'none'", "form-action 'none'"];

/** The public pages: nobody may frame them. */
export const PUBLIC_PAGE_CSP = [...STATIC_DOCUMENT, "frame-ancestors 'none'"].join('; ');

/** The preview: framed by the publish dialog, same origin only. */
export const PREVIEW_CSP = [...STATIC_DOCUMENT, "frame-ancestors 'self'"].join('; ');

/** For the page's own <meta http-equiv> (frame-ancestors is ignored there, so it is left out). */
export const DOCUMENT_META_CSP = STATIC_DOCUMENT.join('; ');

/**
 * Public pages and feeds are the same for everyone: a shared cache (CDN) may keep them a minute,
 * browsers ask again each time, so a correction or a retraction shows at once to a returning reader.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';

export type PublicContentType = 'html' | 'xml' | 'atom';

const CONTENT_TYPES: Record<PublicContentType, string> = {
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** Headers of a public page, sitemap or feed (and of their 404s and redirects). */
export function publicHeaders(type: PublicContentType, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[type],
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    'Content-Security-Policy': PUBLIC_PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  };
}

/** Headers of the signed-in preview: private, never indexed, framable by the app only. */
export function previewHeaders(): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES.html,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PREVIEW_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Robots-Tag': 'noindex, nofollow',
  };
}
