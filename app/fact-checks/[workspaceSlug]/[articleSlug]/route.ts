import { getDb } from '@/db';
import { findPublicFactCheck } from '@/db/queries/public-fact-checks';
import { withArchiveLinks } from '@/lib/server/archive/public-links';
import { renderPublicArticlePage } from '@/lib/publishing/public-page/render';
import { publicArticleUrl } from '@/lib/publishing/urls';
import { appUrlOf, documentResponse, movedResponse, notFoundResponse, plausibleSlug, publicRoute } from '../../_lib/respond';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /fact-checks/<workspace>/<article>: the published fact-check report, no sign-in (proxy.ts
 * lets it through). Served from the latest publication's snapshot, so a reopened article shows
 * its last publication until republished; retracted: the same page with the retraction notice.
 * Never published or unknown → 404; an earlier slug → 308 to the current address.
 */
export async function GET(req: Request, context: { params: Promise<{ workspaceSlug: string; articleSlug: string }> }): Promise<Response> {
  return publicRoute(async () => {
    const { workspaceSlug, articleSlug } = await context.params;
    if (!plausibleSlug(workspaceSlug) || !plausibleSlug(articleSlug)) return notFoundResponse();
    const appUrl = appUrlOf(req);
    const found = await findPublicFactCheck(getDb(), workspaceSlug, articleSlug);
    if (found.kind === 'not_found') return notFoundResponse();
    if (found.kind === 'redirect') return movedResponse(publicArticleUrl(appUrl, found.workspaceSlug, found.articleSlug));
    const html = await renderPublicArticlePage(found.retraction ? found.snapshot : await withArchiveLinks(getDb(), found.snapshot, { appUrl, workspaceSlug: found.workspaceSlug, articleSlug: found.articleSlug }), {
      appUrl,
      workspaceSlug: found.workspaceSlug,
      articleSlug: found.articleSlug,
      mode: 'public',
      factCheckUrlPattern: found.factCheckUrlPattern,
      retraction: found.retraction && { at: found.retraction.at.toISOString(), reason: found.retraction.reason },
    });
    return documentResponse(html);
  });
}
