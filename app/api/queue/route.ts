import { myQueue } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';

/** My queue across workspaces: assigned claims awaiting my verdict, unread @mentions, and my open review-session tasks. */
export const GET = apiRoute(async ({ user, db }) => ({ queue: await myQueue(db, user.id) }));
