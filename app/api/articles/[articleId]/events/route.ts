import { authorizeArticle } from '@/db/queries/access';
import { getClaim } from '@/db/queries/claims';
import { apiRoute } from '@/lib/api/handler';
import { openArticleStream } from '@/lib/events/article-stream';
import { getEventBus } from '@/lib/events/bus';
import { getPresence } from '@/lib/events/presence';
import { parseLastEventId, SSE_HEADERS } from '@/lib/events/sse';
import { AppError } from '@/lib/errors';
import { idSchema } from '@/lib/validations/common';

// A live stream: never prerendered or cached, and it needs Node (timers, the in-process bus).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The article's live channel (Server-Sent Events). Authenticated and authorised like any route;
 * lib/events/article-stream.ts keeps it honest while open (catch-up, membership re-checks,
 * heartbeats, presence). Query: `?claim=<id>` the claim open on connect; `?lastEventId=` when
 * reconnecting by hand (EventSource sends the Last-Event-ID header itself).
 */
export const GET = apiRoute<{ articleId: string }>(({ req, params, user, db }) => {
  const { article } = authorizeArticle(db, user.id, params.articleId, 'article:read');
  const url = new URL(req.url);
  return new Response(
    openArticleStream({
      bus: getEventBus(),
      presence: getPresence(),
      workspaceId: article.workspaceId,
      articleId: article.id,
      user: { id: user.id, name: user.name },
      openClaimId: claimOfArticle(db, url.searchParams.get('claim'), article.id),
      lastEventId: parseLastEventId(req.headers.get('last-event-id'), url.searchParams.get('lastEventId')),
      // Re-run on events and heartbeats (cached a few seconds): removal from the workspace, a role
      // without read access or a deleted article closes the stream.
      checkAccess: () => {
        try {
          authorizeArticle(db, user.id, article.id, 'article:read');
          return true;
        } catch (error) {
          if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return false;
          throw error;
        }
      },
      signal: req.signal,
    }),
    { headers: SSE_HEADERS },
  );
});

/** The `?claim=` id if it is a claim of this article; anything else is ignored, not an error. */
function claimOfArticle(db: Parameters<typeof getClaim>[0], raw: string | null, articleId: string): string | null {
  if (!raw || !idSchema.safeParse(raw).success) return null;
  try {
    return getClaim(db, raw).articleId === articleId ? raw : null;
  } catch {
    return null;
  }
}
