import { describe, expect, it } from 'vitest';
import { storedClaimRanges, type AnchorableClaim } from './stored-claim-ranges';

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
});
