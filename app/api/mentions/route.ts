import { listMentions, markClaimMentionsRead, markMentionsRead } from '@/db/queries/mentions';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { markMentionsReadSchema } from '@/lib/validations/review';

/** My @mentions, newest first; `?unread=1` for unread only. */
export const GET = apiRoute(async ({ req, user, db }) => {
  const unreadOnly = new URL(req.url).searchParams.get('unread') === '1';
  return { mentions: await listMentions(db, user.id, { unreadOnly }) };
});

/** Marks my mentions read: `{ ids }`, those in one claim's discussion with `{ claimId }` (opened), or all of them with `{}`. */
export const PATCH = apiRoute(async ({ req, user, db }) => {
  const { ids, claimId } = await readJson(req, markMentionsReadSchema);
  return { updated: claimId ? await markClaimMentionsRead(db, user.id, claimId) : await markMentionsRead(db, user.id, ids) };
});
