import { getDb } from '@/db';
import { listPublicFactChecks } from '@/db/queries/public-fact-checks';
import { renderSitemap } from '@/lib/publishing/public-page/xml';
import { appUrlOf, documentResponse, notFoundResponse, plausibleSlug, publicRoute } from '../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /fact-checks/<workspace>/sitemap.xml: every published (not retracted) fact-check page and its claim pages. */
export async function GET(req: Request, context: { params: Promise<{ workspaceSlug: string }> }): Promise<Response> {
  return publicRoute(async () => {
    const { workspaceSlug } = await context.params;
    if (!plausibleSlug(workspaceSlug)) return notFoundResponse();
    const listing = await listPublicFactChecks(getDb(), workspaceSlug);
    if (!listing) return notFoundResponse();
    const entries = listing.entries.map((e) => ({ ...e, workspaceSlug: listing.workspace.slug }));
    return documentResponse(renderSitemap(appUrlOf(req), entries), 'xml');
  });
}
