import { renderAtomFeed } from '@/lib/publishing/public-page/xml';
import { appUrlOf, documentResponse, workspaceListingRoute } from '../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /fact-checks/<workspace>/feed.xml: Atom feed of the published (not retracted) fact-checks, newest first. */
export const GET = workspaceListingRoute((req, listing, entries) => documentResponse(renderAtomFeed({ appUrl: appUrlOf(req), workspace: listing.workspace, entries }), 'atom'));
