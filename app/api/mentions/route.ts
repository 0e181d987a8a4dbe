import { listMentions, markMentionsRead } from '@/db/queries/mentions';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { markMentionsReadSchema } from '@/lib/validations/review';

/** My @mentions, newest first; `?unread=1` for unread only. */
export const GET = apiRoute(async ({ req, user, db }) => {
  const unreadOnly = new URL(req.url).searchParams.get('unread') === '1';
  return { mentions: await listMentions(db, user.id, { unreadOnly }) };
});

/** Marks my mentions read: `{ ids }`, or all of them with `{}`. */
export const PATCH = apiRoute(async ({ req, user, db }) => {
  const { ids } = await readJson(req, markMentionsReadSchema);
  return { updated: await markMentionsRead(db, user.id, ids) };
});
