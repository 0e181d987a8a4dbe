import { authorizeSource } from '@/db/queries/access';
import { consume } from '@/db/queries/rate-limits';
import { latestArchive, requestArchive } from '@/db/queries/source-archives';
import { AppError, tooManyRequests } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { scheduleArchive } from '@/lib/server/archive/queue';
import { retryAfterSeconds } from '@/lib/server/import/url-quota';
import type { RateLimit } from '@/lib/domain/rate-limits';

/** Copies asked for by hand, per user: each one fetches a page from the web and renders it. */
const ARCHIVE_LIMIT: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

/** The newest archived copy of the source (any member). */
export const GET = apiRoute<{ sourceId: string }>(async ({ params, user, db }) => {
  await authorizeSource(db, user.id, params.sourceId, 'article:read');
  return { archive: await latestArchive(db, params.sourceId) };
});

/** Takes a new copy of the source's page (reviewers and up), in the background. */
export const POST = apiRoute<{ sourceId: string }>(async ({ params, user, db }) => {
  await authorizeSource(db, user.id, params.sourceId, 'source:write');
  const quota = await consume(db, `source-archive:user:${user.id}`, ARCHIVE_LIMIT);
  if (!quota.allowed) throw tooManyRequests('You have asked for 30 archived copies in the last 10 minutes, the most allowed. Try again later.', retryAfterSeconds(quota.retryAfterMs));
  const requested = await requestArchive(db, params.sourceId, user.id);
  if (!requested) throw new AppError('unprocessable', 'This source has no web address (http:// or https://) to copy.');
  if (requested.created) scheduleArchive(db, requested.archiveId);
  return Response.json({ archive: await latestArchive(db, params.sourceId) }, { status: 202 });
});
