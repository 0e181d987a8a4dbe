import { createHash } from 'node:crypto';
import { getDb } from '@/db';
import { findAnnotation } from '@/db/queries/annotations';
import { isDatabaseUnavailable } from '@/db/transaction';
import { FORMAT_INFO } from '@/lib/export/formats';
import { getCurrentUser } from '@/lib/server/session';
import { annotationParamsSchema } from '@/lib/validations/export';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /annotations/<claim-id>: the W3C annotation of one claim as JSON-LD — the id the W3C export
 * gives it dereferences here (Web Annotation Protocol: JSON-LD with the anno.jsonld profile, an
 * `ldp:Resource` type link, ETag). Outside /api and the signed-in page tree: no sign-in redirect.
 * Published fact-checks answer anyone; an unpublished one only its workspace's members; everyone
 * else — and any id that is malformed or unknown — gets the same 404, so nothing is revealed.
 * HEAD and OPTIONS are derived from this handler by Next.js.
 */
export async function GET(req: Request, context: { params: Promise<{ claimId: string }> }): Promise<Response> {
  try {
    const params = annotationParamsSchema.safeParse(await context.params);
    if (!params.success) return notFound();
    const found = await findAnnotation(getDb(), {
      claimId: params.data.claimId,
      appUrl: process.env.NEXTAUTH_URL?.trim() || new URL(req.url).origin,
      viewer: signedInUserId,
    });
    if (!found) return notFound();

    const body = `${JSON.stringify(found.annotation, null, 2)}\n`;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers = {
      'Content-Type': FORMAT_INFO.w3c.contentType,
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
      Allow: 'GET, HEAD, OPTIONS',
      Vary: 'Accept, Cookie',
      ETag: etag,
      // A members-only annotation must not be kept by shared caches (nor the browser's, after sign-out).
      // Public ones like the public pages: browsers revalidate (ETag), shared caches keep them briefly.
      'Cache-Control': found.visibility === 'public' ? 'public, max-age=0, s-maxage=60' : 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (matchesEtag(req.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error('Database unavailable', error);
      return errorResponse(503, 'unavailable', 'The database is not answering right now. Try again in a moment.', { 'Retry-After': '5' });
    }
    console.error(error);
    return errorResponse(500, 'internal', 'The annotation could not be loaded. Please try again.');
  }
}

/**
 * The signed-in member asking, if any (the session helper the API uses). An account that must
 * first change its password or set up two-factor sign-in gets what a signed-out visitor gets.
 */
async function signedInUserId(): Promise<string | null> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || user.twoFactorSetupRequired) return null;
  return user.id;
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

function notFound(): Response {
  return errorResponse(404, 'not_found', 'Annotation not found.');
}

function errorResponse(status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra } });
}
