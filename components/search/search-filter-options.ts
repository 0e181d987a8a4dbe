import type { ScaleLevel } from '@/components/workbench/types';
import type { MemberDto } from '@/lib/domain/workspaces';

/** What the filters offer: per workspace the viewer belongs to, its scale's levels and its members. */
export interface SearchFilterWorkspace {
  id: string;
  name: string;
  levels: ScaleLevel[];
  members: MemberDto[];
}

/** Members of every workspace, each person once, by name. */
export function uniqueMembers(workspaces: readonly SearchFilterWorkspace[]): MemberDto[] {
  const byId = new Map<string, MemberDto>();
  for (const w of workspaces) for (const m of w.members) if (!byId.has(m.userId)) byId.set(m.userId, m);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}
