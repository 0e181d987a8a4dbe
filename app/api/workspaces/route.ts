import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { apiRoute } from '@/lib/server/api/handler';

export const GET = apiRoute(async ({ user, db }) => ({ workspaces: await listWorkspacesForUser(db, user.id) }));
