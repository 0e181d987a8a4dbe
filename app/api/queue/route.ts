import { myQueue } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';

/** My queue across workspaces: assigned claims awaiting my verdict, and unread @mentions. */
export const GET = apiRoute(async ({ user, db }) => ({ queue: await myQueue(db, user.id) }));
