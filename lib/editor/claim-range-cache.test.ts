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

  describe('multi-part claims', () => {
    /** A claim on two separate spans of TEXT. */
    function twoParts(id: string, first: string, second: string): AnchorableClaim {
      const parts = [first, second].map((words) => {
        const on = claimOn(id, words);
        return { quote: on.quote, position: on.position, anchorState: 'anchored' as const };
      });
      return { ...claimOn(id, first), parts };
    }
    const m = twoParts('m', 'minister said', 'exports doubled');

    it('keeps each part under `${id}#${i}` and the first part found under the id', () => {
      const ranges = rangesOf(updateRangeCache(null, TEXT, 1, [m, a]).cache);
      expect(TEXT.slice(ranges.get('m#0')!.start, ranges.get('m#0')!.end)).toBe('minister said');
      expect(TEXT.slice(ranges.get('m#1')!.start, ranges.get('m#1')!.end)).toBe('exports doubled');
      expect(ranges.get('m')).toBe(ranges.get('m#0'));
      expect(ranges.has('a#0')).toBe(false);
    });

    it('a partial claim is placed by the part still found', () => {
      const partial: AnchorableClaim = { ...m, anchorState: 'partial', parts: [{ ...m.parts![0]!, anchorState: 'orphaned' }, m.parts![1]!] };
      const ranges = rangesOf(updateRangeCache(null, TEXT, 1, [partial]).cache);
      expect([...ranges.keys()].sort()).toEqual(['m', 'm#1']);
      expect(ranges.get('m')).toBe(ranges.get('m#1'));
    });

    it('records the fuzzy matcher answer per part, and keeps range objects of an unchanged claim', () => {
      const moved: AnchorableClaim = { ...m, parts: [m.parts![0]!, { ...m.parts![1]!, position: { start: 0, end: 3 } }] };
      const update = updateRangeCache(null, TEXT, 1, [moved]);
      expect(update.needsAnchoring).toEqual([moved]);
      expect(rangesOf(update.cache).size).toBe(0);
      recordRanges(update.cache, [moved], new Map([['m#0', { start: 4, end: 17 }], ['m#1', { start: 66, end: 81 }]]));
      const first = rangesOf(update.cache);
      expect(first.get('m#1')).toEqual({ start: 66, end: 81 });
      const again = updateRangeCache(update.cache, TEXT, 1, [moved]);
      expect(again.changed).toBe(false);
      expect(rangesOf(again.cache).get('m#1')).toBe(first.get('m#1'));
    });

    it('a claim that gains a part is redrawn with both', () => {
      const single = claimOn('m', 'minister said');
      const first = updateRangeCache(null, TEXT, 1, [single]);
      expect([...rangesOf(first.cache).keys()]).toEqual(['m']);
      const next = updateRangeCache(first.cache, TEXT, 1, [m]);
      expect(next.changed).toBe(true);
      expect([...rangesOf(next.cache).keys()].sort()).toEqual(['m', 'm#0', 'm#1']);
    });
  });
});
