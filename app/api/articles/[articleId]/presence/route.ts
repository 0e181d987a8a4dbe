import { authorizeArticle } from '@/db/queries/access';
import { getClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { getStreamHub } from '@/lib/events/stream-hub';
import { notFound } from '@/lib/errors';
import { presenceSchema } from '@/lib/validations/review';

/**
 * Reports which claim I have open on this article (null: none). Presence itself is created by the
 * event stream; without an open stream this changes nothing and answers `connected: false`. The
 * stream may be held by another instance: presence is shared (a table) when there are several.
 */
export const POST = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const { openClaimId, connectionId } = await readJson(req, presenceSchema);
  if (openClaimId && (await getClaim(db, openClaimId)).articleId !== article.id) throw notFound('Claim');
  const hub = getStreamHub();
  const { presence } = hub;
  // Broadcast coalesced with other changes on the article (at most a few per second).
  if (await presence.update(article.id, user.id, openClaimId, connectionId)) hub.presenceChanged(article.workspaceId, article.id);
  return { presence: await presence.snapshot(article.id), connected: await presence.isPresent(article.id, user.id) };
});
