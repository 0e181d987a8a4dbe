import { authorizeArticle } from '@/db/queries/access';
import { getPublicationState, publishArticle, reopenArticle, retractArticle } from '@/db/queries/publications';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { publicationActionSchema } from '@/lib/validations/publishing';

/** The base URL public addresses and snapshots use: the configured one, else this request's origin. */
function appUrlOf(req: Request): string {
  return process.env.NEXTAUTH_URL?.trim() || new URL(req.url).origin;
}

/** The article's publication state: status, what blocks publishing, its public URL and its log. */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  return getPublicationState(db, params.articleId, appUrlOf(req), { viewer: { role } });
});

/**
 * Publish (editors; owners may override blockers with a reason), reopen for correction (editors)
 * or retract (owners). Membership is checked here; which role may take which step is decided in
 * db/queries/publications.ts, so the message names the exact refusal.
 */
export const POST = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const input = await readJson(req, publicationActionSchema);
  const step = { articleId: params.articleId, version: input.version, role, actorId: user.id, appUrl: appUrlOf(req) };
  const result =
    input.action === 'publish'
      ? await publishArticle(db, { ...step, correctionNote: input.correctionNote, overrideReason: input.overrideReason })
      : input.action === 'reopen'
        ? await reopenArticle(db, { ...step, reason: input.reason })
        : await retractArticle(db, { ...step, reason: input.reason });
  emitArticleUpdated(result.article, ['status'], user.id);
  return { article: result.article, publication: result.publication };
});
