import { authorizeClaim } from '@/db/queries/access';
import { claimTimeline } from '@/db/queries/timeline';
import { apiRoute } from '@/lib/server/api/handler';

/** The claim's timeline, newest first (others' verdicts redacted under blind review until I vote). */
export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { entries: await claimTimeline(db, params.claimId, { userId: user.id, role }) };
});
