import { describe, expect, it } from 'vitest';
import { rangesOf, recordRanges, updateRangeCache } from './claim-range-cache';
import type { AnchorableClaim } from './stored-claim-ranges';

const TEXT = 'The minister said that unemployment fell. Critics replied 😀 that exports doubled since 2019.';

/** A claim anchored at revision 1 on `words` (code points = UTF-16 here before the emoji). */
function claimOn(id: string, words: string, revision = 1): AnchorableClaim {
  const start = TEXT.indexOf(words);
  const cpStart = [...TEXT.slice(0, start)].length;
  return { id, quote: { exact: words }, position: { start: cpStart, end: cpStart + [...words].length }, anchoredRevision: revision, anchorState: 'anchored' };
}

describe('updateRangeCache', () => {
  const a = claimOn('a', 'unemployment fell');
  const b = claimOn('b', 'exports doubled');
  const orphan: AnchorableClaim = { ...claimOn('o', 'Critics'), anchorState: 'orphaned' };

  it('resolves every claim on a new text; orphans get no range', () => {
    const { cache, changed, needsAnchoring } = updateRangeCache(null, TEXT, 1, [a, b, orphan]);
    expect(changed).toBe(true);
    expect(needsAnchoring).toEqual([]);
    const ranges = rangesOf(cache);
    expect(TEXT.slice(ranges.get('a')!.start, ranges.get('a')!.end)).toBe('unemployment fell');
    expect(TEXT.slice(ranges.get('b')!.start, ranges.get('b')!.end)).toBe('exports doubled');
    expect(ranges.has('o')).toBe(false);
  });

  it('leaves unchanged claims alone (same range objects) and resolves only new or changed ones', () => {
    const first = updateRangeCache(null, TEXT, 1, [a, b]);
    const before = rangesOf(first.cache);
    const same = updateRangeCache(first.cache, TEXT, 1, [a, b]);
    expect(same.changed).toBe(false);
    const c = claimOn('c', 'Critics replied');
    const changedB = { ...b, verdictId: 'x' } as AnchorableClaim;
    const next = updateRangeCache(same.cache, TEXT, 1, [a, changedB, c]);
    expect(next.changed).toBe(true);
    const after = rangesOf(next.cache);
    expect(after.get('a')).toBe(before.get('a'));
    // Same place: the range object is kept even though the claim object is new.
    expect(after.get('b')).toBe(before.get('b'));
    expect(TEXT.slice(after.get('c')!.start, after.get('c')!.end)).toBe('Critics replied');
  });

  it('drops deleted claims and starts over on another text or revision', () => {
    const first = updateRangeCache(null, TEXT, 1, [a, b]);
    const deleted = updateRangeCache(first.cache, TEXT, 1, [a]);
    expect(deleted.changed).toBe(true);
    expect([...rangesOf(deleted.cache).keys()]).toEqual(['a']);
    const other = updateRangeCache(deleted.cache, `Intro. ${TEXT}`, 2, [a]);
    expect(other.cache).not.toBe(deleted.cache);
    // The stored position no longer holds the quote in the new text: the fuzzy matcher's turn.
    expect(other.needsAnchoring).toEqual([a]);
  });

  it('sends claims whose stored position does not hold to the fuzzy matcher, then records its answer', () => {
    const wrong: AnchorableClaim = { ...a, position: { start: 0, end: 17 } };
    const beyond: AnchorableClaim = { ...b, id: 'beyond', position: { start: 10_000, end: 10_010 } };
    const newer: AnchorableClaim = { ...b, id: 'newer', anchoredRevision: 5 };
    const update = updateRangeCache(null, TEXT, 1, [wrong, beyond, newer]);
    expect(update.needsAnchoring.map((c) => c.id)).toEqual(['a', 'beyond', 'newer']);
    expect(rangesOf(update.cache).size).toBe(0);
    recordRanges(update.cache, update.needsAnchoring, new Map([['a', { start: 23, end: 40 }]]));
    expect(rangesOf(update.cache)).toEqual(new Map([['a', { start: 23, end: 40 }]]));
    // An answer for a claim that changed meanwhile is not recorded.
    const again = updateRangeCache(update.cache, TEXT, 1, [{ ...wrong }, beyond, newer]);
    recordRanges(again.cache, [wrong], new Map([['a', { start: 0, end: 3 }]]));
    expect(rangesOf(again.cache).get('a')).toEqual({ start: 23, end: 40 });
  });
});
