import type { Role } from '@/lib/domain/roles';

/**
 * Everything a member can do, and the least role that may do it.
 * Roles are ordered: viewer < reviewer < editor < owner; each inherits the ones below.
 */
export const ACTIONS = {
  'article:read': 'viewer',
  'article:export': 'viewer',
  'claim:create': 'reviewer',
  'claim:update': 'reviewer',
  'claim:delete': 'reviewer',
  /** Find claims (run the check-worthiness scorer), accept or dismiss its suggestions. */
  'claim:suggest': 'reviewer',
  'source:write': 'reviewer',
  'comment:write': 'reviewer',
  'verdict:own': 'reviewer',
  'verdict:final': 'editor',
  /** Review sessions: follow one (any member), write item notes (reviewer), start and lead one (editor). */
  'session:join': 'viewer',
  'session:note': 'reviewer',
  'session:lead': 'editor',
  'claim:assign': 'editor',
  'article:create': 'editor',
  'article:edit': 'editor',
  'article:status': 'editor',
  'article:publish': 'editor',
  /** Move to the trash and restore (db/queries/article-trash.ts). */
  'article:delete': 'editor',
  'scale:manage': 'owner',
  'member:manage': 'owner',
  'workspace:settings': 'owner',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTIONS;

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role || !(role in RANK)) return false;
  const needed = ACTIONS[action];
  if (needed === undefined) return false;
  return RANK[role] >= RANK[needed];
}

/** Roles allowed to perform `action`, for UI hints and error messages. */
export function rolesFor(action: Action): Role[] {
  return (Object.keys(RANK) as Role[]).filter((role) => can(role, action));
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};
