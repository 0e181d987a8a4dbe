import { describe, expect, it } from 'vitest';
import { partKey, storedClaimRanges, type AnchorableClaim, type AnchorablePart } from './stored-claim-ranges';
import { partsOfRow } from './claim-rows';

const text = 'Unemployment fell 😀 to 4% last year.';

function claim(id: string, exact: string, startCp: number, overrides: Partial<AnchorableClaim> = {}): AnchorableClaim {
  return { id, quote: { exact, prefix: '', suffix: '' }, position: { start: startCp, end: startCp + [...exact].length }, anchoredRevision: 3, anchorState: 'anchored', ...overrides };
}

describe('storedClaimRanges', () => {
  it('uses stored positions of claims anchored at the shown revision, converting code points to UTF-16', () => {
    // '😀' is one code point but two UTF-16 units: "to 4%" starts at code point 20, UTF-16 offset 21.
    const { ranges, needsAnchoring } = storedClaimRanges(text, 3, [claim('a', 'Unemployment', 0), claim('b', 'to 4%', 20)]);
    expect(ranges.get('a')).toEqual({ start: 0, end: 12 });
    expect(ranges.get('b')).toEqual({ start: 21, end: 26 });
    expect(text.slice(21, 26)).toBe('to 4%');
    expect(needsAnchoring).toEqual([]);
  });

  it('sends claims anchored at a later revision than the shown one to the fuzzy matcher', () => {
    const ahead = claim('a', 'Unemployment', 0, { anchoredRevision: 4 });
    expect(storedClaimRanges(text, 3, [ahead])).toEqual({ ranges: new Map(), needsAnchoring: [ahead] });
  });

  it('takes claims anchored at an earlier revision at their stored place (saves since left them alone)', () => {
    const { ranges, needsAnchoring } = storedClaimRanges(text, 3, [claim('a', 'Unemployment', 0, { anchoredRevision: 1 })]);
    expect(ranges.get('a')).toEqual({ start: 0, end: 12 });
    expect(needsAnchoring).toEqual([]);
  });

  it('still checks the quote of an earlier revision at its stored place', () => {
    const moved = claim('a', 'fell', 0, { anchoredRevision: 1 });
    expect(storedClaimRanges(text, 3, [moved]).needsAnchoring).toEqual([moved]);
  });

  it('sends claims whose quote is not at the stored place to the fuzzy matcher', () => {
    const moved = claim('a', 'fell', 0);
    const beyond = claim('b', 'year', 500);
    expect(storedClaimRanges(text, 3, [moved, beyond]).needsAnchoring).toEqual([moved, beyond]);
  });

  it('leaves orphaned claims out entirely', () => {
    expect(storedClaimRanges(text, 3, [claim('a', 'Unemployment', 0, { anchorState: 'orphaned' })])).toEqual({ ranges: new Map(), needsAnchoring: [] });
  });

  it('refuses an empty range', () => {
    expect(storedClaimRanges(text, 3, [claim('a', '', 3)]).ranges.size).toBe(0);
  });

  describe('multi-part claims', () => {
    const part = (exact: string, startCp: number, anchorState: AnchorablePart['anchorState'] = 'anchored'): AnchorablePart => ({ quote: { exact }, position: { start: startCp, end: startCp + [...exact].length }, anchorState });
    const two = (parts: AnchorablePart[], overrides: Partial<AnchorableClaim> = {}) => claim('m', parts[0]!.quote.exact, parts[0]!.position.start, { parts, ...overrides });

    it('gives every part its range under `${id}#${i}`', () => {
      const { ranges, needsAnchoring } = storedClaimRanges(text, 3, [two([part('Unemployment', 0), part('to 4%', 20)])]);
      expect(ranges).toEqual(new Map([['m#0', { start: 0, end: 12 }], ['m#1', { start: 21, end: 26 }]]));
      expect(needsAnchoring).toEqual([]);
    });

    it('skips an orphaned part of a partial claim, and keeps the others', () => {
      const partial = two([part('Unemployment', 0), part('gone words', 5, 'orphaned')], { anchorState: 'partial' });
      expect(storedClaimRanges(text, 3, [partial])).toEqual({ ranges: new Map([['m#0', { start: 0, end: 12 }]]), needsAnchoring: [] });
    });

    it('sends the whole claim to the fuzzy matcher when one part is not at its stored place', () => {
      const moved = two([part('Unemployment', 0), part('to 4%', 19)]);
      expect(storedClaimRanges(text, 3, [moved])).toEqual({ ranges: new Map(), needsAnchoring: [moved] });
    });
  });
});

describe('partsOfRow and partKey', () => {
  it('reads a single-part claim as one part, orphaned unless anchored', () => {
    const single = claim('a', 'Unemployment', 0);
    expect(partsOfRow(single)).toEqual([{ quote: single.quote, position: single.position, anchorState: 'anchored' }]);
    expect(partsOfRow({ ...single, anchorState: 'orphaned' })[0]!.anchorState).toBe('orphaned');
    expect(partsOfRow({ ...single, parts: [] })).toHaveLength(1);
  });
  it('keys a single part by the claim id, several by index', () => {
    expect(partKey('c', 0, 1)).toBe('c');
    expect(partKey('c', 0, 2)).toBe('c#0');
    expect(partKey('c', 1, 2)).toBe('c#1');
  });
});
