import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Sends signed-out visitors of any page to sign-in, remembering where they were going.
 * This is a convenience, not the security boundary: every page and route handler checks
 * the session and the member's role itself (API routes answer 401 on their own).
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) {
    // Lets server layouts know the path (they cannot read it otherwise).
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-claimdesk-path', request.nextUrl.pathname);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const url = request.nextUrl.clone();
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = '/sign-in';
  url.search = target === '/' ? '' : `?callbackUrl=${encodeURIComponent(target)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the API (401s of its own), Next's assets and public files.
  matcher: ['/((?!sign-in|api/|_next/|favicon\\.ico|robots\\.txt).*)'],
};
