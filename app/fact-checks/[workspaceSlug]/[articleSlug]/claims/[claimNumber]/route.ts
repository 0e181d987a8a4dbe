import { getDb } from '@/db';
import { findPublicFactCheck } from '@/db/queries/public-fact-checks';
import { withArchiveLinks } from '@/lib/server/archive/public-links';
import { parseClaimNumber, renderPublicClaimPage } from '@/lib/publishing/public-page/render';
import { publicClaimUrl } from '@/lib/publishing/urls';
import { appUrlOf, documentResponse, movedResponse, notFoundResponse, plausibleSlug, publicRoute } from '../../../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /fact-checks/<workspace>/<article>/claims/<number>: one claim's fact-check page with exactly
 * one ClaimReview (none once retracted). Unknown number, excluded claim, never published → 404;
 * an earlier article slug → 308 to the same claim at the current address.
 */
export async function GET(req: Request, context: { params: Promise<{ workspaceSlug: string; articleSlug: string; claimNumber: string }> }): Promise<Response> {
  return publicRoute(async () => {
    const { workspaceSlug, articleSlug, claimNumber } = await context.params;
    const number = parseClaimNumber(claimNumber);
    if (number === null || !plausibleSlug(workspaceSlug) || !plausibleSlug(articleSlug)) return notFoundResponse();
    const appUrl = appUrlOf(req);
    const found = await findPublicFactCheck(getDb(), workspaceSlug, articleSlug);
    if (found.kind === 'not_found') return notFoundResponse();
    if (found.kind === 'redirect') return movedResponse(publicClaimUrl(appUrl, found.workspaceSlug, found.articleSlug, number));
    const html = await renderPublicClaimPage(found.retraction ? found.snapshot : await withArchiveLinks(getDb(), found.snapshot, { appUrl, workspaceSlug: found.workspaceSlug, articleSlug: found.articleSlug }), number, {
      appUrl,
      workspaceSlug: found.workspaceSlug,
      articleSlug: found.articleSlug,
      mode: 'public',
      factCheckUrlPattern: found.factCheckUrlPattern,
      retraction: found.retraction && { at: found.retraction.at.toISOString(), reason: found.retraction.reason },
    });
    return html === null ? notFoundResponse() : documentResponse(html);
  });
}
