import { authorizeClaim } from '@/db/queries/access';
import { claimTimeline } from '@/db/queries/timeline';
import { apiRoute } from '@/lib/server/api/handler';

/** The claim's timeline, newest first (others' verdicts redacted under blind review until I vote). */
export const GET = apiRoute<{ claimId: string }>(({ params, user, db }) => {
  const { role } = authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { entries: claimTimeline(db, params.claimId, { userId: user.id, role }) };
});
