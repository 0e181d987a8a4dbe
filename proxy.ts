import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, LOCKED_DOWN_CSP, newNonce } from '@/lib/security/csp';
import { PUBLIC_PAGE_CSP } from '@/lib/publishing/public-page/headers';
import { hasMalformedPercentEncoding, MALFORMED_PATH_MESSAGE } from '@/lib/security/path-encoding';

/**
 * Pages a signed-out visitor may open: sign-in and the pages reached from mailed links (invite,
 * verify-email, forgot/reset-password). An entry matches its path and everything below it; one
 * ending in "/" only what is below it (/invite/<token>).
 */
const PUBLIC_PAGES: readonly string[] = ['/sign-in', '/invite/', '/verify-email/', '/forgot-password', '/reset-password/'];

function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => (page.endsWith('/') ? pathname.startsWith(page) : pathname === page || pathname.startsWith(`${page}/`)));
}

/**
 * Public route handlers outside /api: the published fact-check pages, sitemap and feed
 * (app/fact-checks/…) and the dereferenceable W3C annotations (app/annotations/…). Anyone may open
 * them (each handler decides what it shows: published content only, or members for an
 * unpublished annotation), so they are never redirected to sign-in. They run no script, so they
 * get a fixed CSP without a nonce: the static-page policy for the HTML pages, the locked-down one
 * for the JSON-LD annotations. (A header set here wins over the route's own.)
 */
const PUBLIC_DOCUMENTS: ReadonlyArray<{ prefix: string; csp: string }> = [
  { prefix: '/fact-checks/', csp: PUBLIC_PAGE_CSP },
  { prefix: '/annotations/', csp: LOCKED_DOWN_CSP },
];

/**
 * Runs before every page (and before API calls whose path holds a "%", see `config`):
 * 1. a path whose percent-encoding does not decode gets 400 (JSON for the API), not Next's 500;
 * 2. every page gets a Content-Security-Policy with a fresh script nonce (the public fact-check
 *    pages and annotations a fixed one: PUBLIC_DOCUMENTS);
 * 3. signed-out visitors of non-public pages go to sign-in, remembering where they were going.
 * The redirect is a convenience, not the security boundary: every page and route handler checks
 * the session and the member's role itself. API calls are never redirected (they answer 401).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  if (hasMalformedPercentEncoding(pathname)) return malformedPath(isApi);
  if (isApi) return NextResponse.next();

  const publicDocument = PUBLIC_DOCUMENTS.find((d) => pathname.startsWith(d.prefix));
  if (publicDocument) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', publicDocument.csp);
    return response;
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  if (!isPublicPage(pathname) && !(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }))) return signInRedirect(request);

  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  // Lets server layouts know the path (they cannot read it otherwise); always set, so never the client's.
  requestHeaders.set('x-claimdesk-path', pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function signInRedirect(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = '/sign-in';
  url.search = target === '/' ? '' : `?callbackUrl=${encodeURIComponent(target)}`;
  return NextResponse.redirect(url);
}

function malformedPath(isApi: boolean): NextResponse {
  if (isApi) return NextResponse.json({ error: { code: 'bad_request', message: MALFORMED_PATH_MESSAGE } }, { status: 400 });
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad request · Claimdesk</title><h1>Bad request</h1><p>${MALFORMED_PATH_MESSAGE}</p><p><a href="/articles">Go to articles</a></p></html>`;
  return new NextResponse(html, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': LOCKED_DOWN_CSP } });
}

export const config = {
  matcher: [
    // Every page, public or not (they all need the CSP); not the API, Next's assets or public files
    // (the favicon, app/icon.svg, is fetched on the sign-in page too: never redirected there; only
    // /icon.svg itself, hence the `$`, not every path that starts with it).
    '/((?!api/|_next/|favicon\\.ico|icon\\.svg$|robots\\.txt).*)',
    // API paths holding a "%", for the malformed-encoding check only. Not every API call: Next.js
    // buffers the body of each request the proxy sees (up to 10 MB) and waits for the whole upload
    // before the route runs, which would undo the streaming body limits of lib/api/body.ts.
    '/api/(.*%.*)',
  ],
};
