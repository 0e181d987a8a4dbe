import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { apiRoute } from '@/lib/server/api/handler';

export const GET = apiRoute(({ user, db }) => ({ workspaces: listWorkspacesForUser(db, user.id) }));
