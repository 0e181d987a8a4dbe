import { renderSitemap } from '@/lib/publishing/public-page/xml';
import { appUrlOf, documentResponse, workspaceListingRoute } from '../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /fact-checks/<workspace>/sitemap.xml: every published (not retracted) fact-check page and its claim pages. */
export const GET = workspaceListingRoute((req, _listing, entries) => documentResponse(renderSitemap(appUrlOf(req), entries), 'xml'));
