import { authorize } from '@/db/queries/access';
import { claimReviewFeed } from '@/db/queries/claim-library';
import { claimReviewFeedFileName } from '@/lib/claim-review/feed';
import { apiRoute } from '@/lib/server/api/handler';

/** This instance's public URL (the public fact-check pages' base), as the export route computes it. */
function appUrlOf(req: Request): string {
  return process.env.NEXTAUTH_URL?.trim() || new URL(req.url).origin;
}

/**
 * The partners' feed (members): the workspace's published ClaimReviews as one schema.org DataFeed
 * JSON-LD file, downloaded as an attachment.
 */
export const GET = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:export', 'Workspace');
  const { feed, workspaceSlug } = await claimReviewFeed(db, params.workspaceId, appUrlOf(req));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${claimReviewFeedFileName(workspaceSlug, feed.dateModified)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
