import 'server-only';
import { getDb } from '@/db';
import { listPublicFactChecks } from '@/db/queries/public-fact-checks';
import { isDatabaseUnavailable } from '@/db/transaction';
import { publicHeaders, type PublicContentType } from '@/lib/publishing/public-page/headers';
import { renderPublicMessagePage, renderPublicNotFoundPage } from '@/lib/publishing/public-page/render';

/**
 * Responses of the public fact-check routes (app/fact-checks/…): no session is read, everything
 * answered is the same for every visitor, so every answer (404 and redirects too) carries the
 * short public caching and the static-page CSP of lib/publishing/public-page/headers.ts.
 */

/** Slugs are short; anything longer than this is not one (404 without a query). */
const MAX_SEGMENT_CHARS = 200;

export function plausibleSlug(segment: string): boolean {
  return segment.length > 0 && segment.length <= MAX_SEGMENT_CHARS;
}

/** This instance's public URL, as the export route computes it. */
export function appUrlOf(req: Request): string {
  return process.env.NEXTAUTH_URL?.trim() || new URL(req.url).origin;
}

export function documentResponse(body: string, type: PublicContentType = 'html', status = 200): Response {
  return new Response(body, { status, headers: publicHeaders(type) });
}

export async function notFoundResponse(): Promise<Response> {
  return documentResponse(await renderPublicNotFoundPage(), 'html', 404);
}

/** 308: the fact-check moved (its slug changed after publication). */
export function movedResponse(location: string): Response {
  return new Response(null, { status: 308, headers: publicHeaders('html', { Location: location }) });
}

/** Runs a public route: a database outage answers 503 (retry), anything unexpected a plain 500 page. */
export async function publicRoute(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error('Database unavailable', error);
      const html = await renderPublicMessagePage('Temporarily unavailable', 'This fact-check cannot be shown right now. Please try again in a moment.');
      return new Response(html, { status: 503, headers: { ...publicHeaders('html'), 'Cache-Control': 'no-store', 'Retry-After': '5' } });
    }
    console.error(error);
    const html = await renderPublicMessagePage('Something went wrong', 'This page could not be shown. Please try again later.');
    return new Response(html, { status: 500, headers: { ...publicHeaders('html'), 'Cache-Control': 'no-store' } });
  }
}

type PublicListing = NonNullable<Awaited<ReturnType<typeof listPublicFactChecks>>>;

/**
 * The sitemap and the feed: a workspace's published fact-checks (each entry with the workspace's
 * slug) rendered by `render`, or 404 for a workspace that does not exist.
 */
export function workspaceListingRoute(render: (req: Request, listing: PublicListing, entries: Array<PublicListing['entries'][number] & { workspaceSlug: string }>) => Response) {
  return (req: Request, context: { params: Promise<{ workspaceSlug: string }> }): Promise<Response> =>
    publicRoute(async () => {
      const { workspaceSlug } = await context.params;
      if (!plausibleSlug(workspaceSlug)) return notFoundResponse();
      const listing = await listPublicFactChecks(getDb(), workspaceSlug);
      if (!listing) return notFoundResponse();
      return render(req, listing, listing.entries.map((e) => ({ ...e, workspaceSlug: listing.workspace.slug })));
    });
}
