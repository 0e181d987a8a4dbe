import { getDb } from '@/db';
import { listPublicFactChecks } from '@/db/queries/public-fact-checks';
import { renderAtomFeed } from '@/lib/publishing/public-page/xml';
import { appUrlOf, documentResponse, notFoundResponse, plausibleSlug, publicRoute } from '../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /fact-checks/<workspace>/feed.xml: Atom feed of the published (not retracted) fact-checks, newest first. */
export async function GET(req: Request, context: { params: Promise<{ workspaceSlug: string }> }): Promise<Response> {
  return publicRoute(async () => {
    const { workspaceSlug } = await context.params;
    if (!plausibleSlug(workspaceSlug)) return notFoundResponse();
    const listing = await listPublicFactChecks(getDb(), workspaceSlug);
    if (!listing) return notFoundResponse();
    const entries = listing.entries.map((e) => ({ ...e, workspaceSlug: listing.workspace.slug }));
    return documentResponse(renderAtomFeed({ appUrl: appUrlOf(req), workspace: listing.workspace, entries }), 'atom');
  });
}
