import { describe, expect, it } from 'vitest';
import { ACTIONS, can, rolesFor, type Action } from './permissions';
import type { Role } from '@/lib/domain/roles';

// The whole matrix, written out so a change to any rule shows up as a failing row.
const MATRIX: Record<Action, Record<Role, boolean>> = {
  'article:read': { viewer: true, reviewer: true, editor: true, owner: true },
  'article:export': { viewer: true, reviewer: true, editor: true, owner: true },
  'claim:create': { viewer: false, reviewer: true, editor: true, owner: true },
  'claim:update': { viewer: false, reviewer: true, editor: true, owner: true },
  'claim:delete': { viewer: false, reviewer: true, editor: true, owner: true },
  'claim:suggest': { viewer: false, reviewer: true, editor: true, owner: true },
  'source:write': { viewer: false, reviewer: true, editor: true, owner: true },
  'comment:write': { viewer: false, reviewer: true, editor: true, owner: true },
  'verdict:own': { viewer: false, reviewer: true, editor: true, owner: true },
  'verdict:final': { viewer: false, reviewer: false, editor: true, owner: true },
  'session:join': { viewer: true, reviewer: true, editor: true, owner: true },
  'session:note': { viewer: false, reviewer: true, editor: true, owner: true },
  'session:lead': { viewer: false, reviewer: false, editor: true, owner: true },
  'claim:assign': { viewer: false, reviewer: false, editor: true, owner: true },
  'article:create': { viewer: false, reviewer: false, editor: true, owner: true },
  'article:edit': { viewer: false, reviewer: false, editor: true, owner: true },
  'article:status': { viewer: false, reviewer: false, editor: true, owner: true },
  'article:publish': { viewer: false, reviewer: false, editor: true, owner: true },
  'article:delete': { viewer: false, reviewer: false, editor: true, owner: true },
  'scale:manage': { viewer: false, reviewer: false, editor: false, owner: true },
  'member:manage': { viewer: false, reviewer: false, editor: false, owner: true },
  'workspace:settings': { viewer: false, reviewer: false, editor: false, owner: true },
};

describe('authorization rules', () => {
  it('the matrix covers every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
  });
  for (const [action, row] of Object.entries(MATRIX) as Array<[Action, Record<Role, boolean>]>) {
    for (const [role, allowed] of Object.entries(row) as Array<[Role, boolean]>) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }
  it('denies missing or unknown roles and unknown actions', () => {
    expect(can(null, 'article:read')).toBe(false);
    expect(can(undefined, 'article:read')).toBe(false);
    expect(can('admin' as Role, 'article:read')).toBe(false);
    expect(can('owner', 'nope' as Action)).toBe(false);
  });
  it('lists the roles for an action', () => {
    expect(rolesFor('article:edit')).toEqual(['editor', 'owner']);
  });
});
