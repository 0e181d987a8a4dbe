import { describe, expect, it } from 'vitest';
import { mergeClaimLists, upsertNewer } from './claims-cache';
import type { ClaimDto } from './types';

const claim = (id: string, version: number, claimText = `claim ${id} v${version}`) => ({ id, version, claimText }) as ClaimDto;

describe('upsertNewer', () => {
  it('appends an unknown claim', () => {
    expect(upsertNewer([claim('a', 1)], claim('b', 1)).map((c) => c.id)).toEqual(['a', 'b']);
  });
  it('replaces an older or equal copy', () => {
    expect(upsertNewer([claim('a', 1)], claim('a', 2))[0]!.version).toBe(2);
    expect(upsertNewer([claim('a', 2, 'old')], claim('a', 2, 'new'))[0]!.claimText).toBe('new');
  });
  it('never rolls back to an older copy (a late response)', () => {
    expect(upsertNewer([claim('a', 3)], claim('a', 2))[0]!.version).toBe(3);
  });
});

describe('mergeClaimLists', () => {
  it('takes the fresh list, keeping newer held copies', () => {
    const merged = mergeClaimLists([claim('a', 3), claim('b', 1)], [claim('a', 2), claim('b', 2), claim('c', 1)], new Set());
    expect(merged.map((c) => [c.id, c.version])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
  });
  it('does not resurrect a claim deleted after the list was computed', () => {
    expect(mergeClaimLists([claim('b', 1)], [claim('a', 1), claim('b', 1)], new Set(['a'])).map((c) => c.id)).toEqual(['b']);
  });
  it('works without a held list', () => {
    expect(mergeClaimLists(undefined, [claim('a', 1)], new Set()).map((c) => c.id)).toEqual(['a']);
  });
});
