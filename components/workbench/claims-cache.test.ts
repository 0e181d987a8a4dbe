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

describe('mergeClaimLists with list rows', () => {
  const full = (version: number, over: Partial<ClaimDto> = {}) =>
    ({ id: 'a', version, claimText: 'full text', rationale: 'why', sources: [], verdictHidden: false, position: { start: 1, end: 5 }, anchoredRevision: 1, anchorState: 'anchored', quote: { exact: 'word', prefix: 'p', suffix: 's' }, ...over }) as ClaimDto;
  const row = (version: number, over: Partial<ClaimDto> = {}) => {
    const { rationale: _r, sources: _s, ...rest } = full(version, { claimText: 'short', quote: { exact: 'word' } as ClaimDto['quote'], ...over });
    return { ...rest, sourceCount: 0 } as unknown as ClaimDto;
  };

  it('keeps an opened (full) claim when the fresh row has the same version, taking the row’s anchoring', () => {
    const [merged] = mergeClaimLists([full(2)], [row(2, { position: { start: 9, end: 13 }, anchoredRevision: 4 })], new Set());
    expect(merged!.rationale).toBe('why');
    expect(merged!.claimText).toBe('full text');
    expect(merged!.position).toEqual({ start: 9, end: 13 });
    expect(merged!.anchoredRevision).toBe(4);
    expect(merged!.quote).toEqual({ exact: 'word', prefix: 'p', suffix: 's' });
  });
  it('takes the row when it is newer, or when blind review changed what the viewer may see', () => {
    expect(mergeClaimLists([full(2)], [row(3)], new Set())[0]).not.toHaveProperty('rationale');
    expect(mergeClaimLists([full(2)], [row(2, { verdictHidden: true })], new Set())[0]).not.toHaveProperty('rationale');
  });
});
