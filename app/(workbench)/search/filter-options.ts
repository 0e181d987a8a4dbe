import 'server-only';
import { getDb } from '@/db';
import { getScale } from '@/db/queries/scales';
import { listMembers, listWorkspacesForUser } from '@/db/queries/workspaces';
import type { SearchFilterWorkspace } from '@/components/search/search-filter-options';

/** The search filters' choices: every workspace the user belongs to, with its scale's levels and its members. */
export async function loadSearchFilterOptions(userId: string): Promise<SearchFilterWorkspace[]> {
  const db = getDb();
  const workspaces = await listWorkspacesForUser(db, userId);
  return Promise.all(
    workspaces.map(async (w) => ({ id: w.id, name: w.name, levels: (await getScale(db, w.id)).levels, members: await listMembers(db, w.id) })),
  );
}
