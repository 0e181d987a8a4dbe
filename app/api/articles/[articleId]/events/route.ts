import { authorizeArticle, getArticleRoles } from '@/db/queries/access';
import { BatchLoader } from '@/lib/events/batch-loader';
import type { Role } from '@/lib/domain/roles';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/db/client';
import { getClaim } from '@/db/queries/claims';
import { apiRoute } from '@/lib/server/api/handler';
import { openArticleStream } from '@/lib/events/article-stream';
import { getStreamHub } from '@/lib/events/stream-hub';
import { parseLastEventId, SSE_HEADERS } from '@/lib/events/sse';
import { idSchema } from '@/lib/validations/common';

// A live stream: never prerendered or cached, and it needs Node (timers, the event bus).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The article's live channel (Server-Sent Events). Authenticated and authorised like any route;
 * lib/events/article-stream.ts keeps it honest while open (catch-up, membership re-checks,
 * heartbeats, presence). Query: `?claim=<id>` the claim open on connect; `?lastEventId=` when
 * reconnecting by hand (EventSource sends the Last-Event-ID header itself). With several
 * instances, the catch-up comes from the shared events table, whichever instance answers.
 */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const url = new URL(req.url);
  return new Response(
    openArticleStream({
      hub: getStreamHub(),
      workspaceId: article.workspaceId,
      articleId: article.id,
      user: { id: user.id, name: user.name },
      openClaimId: await claimOfArticle(db, url.searchParams.get('claim'), article.id),
      lastEventId: parseLastEventId(req.headers.get('last-event-id'), url.searchParams.get('lastEventId')),
      // Re-run on events and heartbeats (cached a few seconds): removal from the workspace, a role
      // without read access or a deleted article closes the stream.
      checkAccess: readAccessCheck(db, user.id, article.id),
      signal: req.signal,
    }),
    { headers: SSE_HEADERS },
  );
});

/**
 * Built from ids only, outside the handler: the stream keeps this closure for as long as it is
 * open, and a closure inside the handler would keep the request alive too. It reads one narrow
 * row (the role), and the hub shares the answer between the user's streams on the article.
 */
function readAccessCheck(db: Db, userId: string, articleId: string): () => Promise<boolean> {
  return async () => {
    const role = await roleLoader(db).get(articleId, userId);
    return role !== undefined && can(role, 'article:read');
  };
}

// Checks asked for in the same tick (an event reaching many people's streams) share one query per article.
const loaders = new WeakMap<Db, BatchLoader<string, string, Role>>();
function roleLoader(db: Db): BatchLoader<string, string, Role> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new BatchLoader((articleId, userIds) => getArticleRoles(db, articleId, userIds));
    loaders.set(db, loader);
  }
  return loader;
}

/** The `?claim=` id if it is a claim of this article; anything else is ignored, not an error. */
async function claimOfArticle(db: Db, raw: string | null, articleId: string): Promise<string | null> {
  if (!raw || !idSchema.safeParse(raw).success) return null;
  try {
    return (await getClaim(db, raw)).articleId === articleId ? raw : null;
  } catch {
    return null;
  }
}
