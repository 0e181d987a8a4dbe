import { getDb } from '@/db';
import { findPublicFactCheck } from '@/db/queries/public-fact-checks';
import { latestDoneArchive, sourceScope } from '@/db/queries/source-archives';
import { publicSources } from '@/lib/server/archive/public-links';
import { PUBLIC_CACHE_CONTROL } from '@/lib/publishing/public-page/headers';
import { archiveViewResponse, parseArchiveView } from '@/lib/server/archive/view';
import { notFoundResponse, plausibleSlug, publicRoute } from '../../../../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /fact-checks/<workspace>/<article>/sources/<sourceId>/archive?as=pdf|text: the archived copy
 * of a source the published fact-check cites publicly, no sign-in. 404 unless the fact-check page
 * is served (published, not retracted), the snapshot it serves lists the source as public, and a
 * copy of the URL it published was taken. The page as fetched (as=page) is for members only.
 */
export async function GET(req: Request, context: { params: Promise<{ workspaceSlug: string; articleSlug: string; sourceId: string }> }): Promise<Response> {
  return publicRoute(async () => {
    const { workspaceSlug, articleSlug, sourceId } = await context.params;
    if (!plausibleSlug(workspaceSlug) || !plausibleSlug(articleSlug) || !plausibleSlug(sourceId)) return notFoundResponse();
    const view = parseArchiveView(new URL(req.url).searchParams.get('as'), ['pdf', 'text']);
    if (!view) return notFoundResponse();
    const db = getDb();
    const found = await findPublicFactCheck(db, workspaceSlug, articleSlug);
    if (found.kind !== 'found' || found.retraction) return notFoundResponse();
    const published = publicSources(found.snapshot).find((source) => source.id === sourceId);
    if (!published) return notFoundResponse();
    const scope = await sourceScope(db, sourceId);
    if (!scope || scope.articleId !== found.articleId) return notFoundResponse();
    // The copy of the URL the page published, not of one the source was changed to after it.
    const row = await latestDoneArchive(db, sourceId, published.url);
    const response = row && archiveViewResponse(row, view, { 'Cache-Control': PUBLIC_CACHE_CONTROL, 'X-Robots-Tag': 'noindex' });
    return response ?? notFoundResponse();
  });
}
