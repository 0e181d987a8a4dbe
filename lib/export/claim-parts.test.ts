import { describe, expect, it } from 'vitest';
import { claimParts, claimQuote, isMultiPart, isPartial, quotePieces, sourcePassageUrl } from './claim-parts';
import type { ReportClaim, ReportClaimPart } from './view-model';

const part = (exact: string, start: number | null, orphaned = start === null): ReportClaimPart => ({
  quote: { exact, prefix: '', suffix: '' },
  position: { start: start ?? 100, end: (start ?? 100) + exact.length },
  start,
  end: start === null ? null : start + exact.length,
  orphaned,
});

type Spans = Pick<ReportClaim, 'quote' | 'position' | 'start' | 'end' | 'orphaned' | 'parts'>;
const single: Spans = { quote: { exact: 'one span', prefix: 'a ', suffix: ' b' }, position: { start: 2, end: 10 }, start: 2, end: 10, orphaned: false };
const multi = (parts: ReportClaimPart[]): Spans => {
  const found = parts.find((p) => !p.orphaned);
  return { quote: parts[0]!.quote, position: parts[0]!.position, start: found?.start ?? null, end: found?.end ?? null, orphaned: !found, parts };
};

describe('claim parts of a report claim', () => {
  it('reads a single-part claim (and an old snapshot without parts) as one part', () => {
    expect(claimParts(single)).toEqual([{ quote: single.quote, position: single.position, start: 2, end: 10, orphaned: false }]);
    expect(claimParts({ ...single, parts: [] })).toHaveLength(1);
    expect(isMultiPart(single)).toBe(false);
    expect(isPartial(single)).toBe(false);
    expect(claimQuote(single)).toBe('one span');
    expect(quotePieces({ ...single, orphaned: true, start: null, end: null })).toEqual([{ text: 'one span', orphaned: false }]);
  });

  it("joins a multi-part claim's quotes with ' … ' in text order", () => {
    const claim = multi([part('first words', 0), part('second words', 40)]);
    expect(isMultiPart(claim)).toBe(true);
    expect(isPartial(claim)).toBe(false);
    expect(claimQuote(claim)).toBe('first words … second words');
    expect(quotePieces(claim)).toEqual([
      { text: 'first words', orphaned: false },
      { text: 'second words', orphaned: false },
    ]);
  });

  it('marks gone parts only in a partly orphaned claim (a wholly orphaned one has its own note)', () => {
    const partial = multi([part('gone words', null), part('still here', 40)]);
    expect(isPartial(partial)).toBe(true);
    expect(quotePieces(partial)).toEqual([
      { text: 'gone words', orphaned: true },
      { text: 'still here', orphaned: false },
    ]);
    const gone = multi([part('gone', null), part('also gone', null)]);
    expect(gone.orphaned).toBe(true);
    expect(isPartial(gone)).toBe(false);
    expect(quotePieces(gone).every((p) => !p.orphaned)).toBe(true);
  });
});

describe('sourcePassageUrl', () => {
  it('links the passage with a text fragment, with its context', () => {
    expect(sourcePassageUrl({ url: 'https://e.org/r', excerpt: 'rose 4%', excerptPrefix: 'prices', excerptSuffix: 'in May' })).toBe('https://e.org/r#:~:text=prices-,rose%204%25,-in%20May');
  });

  it('is the plain URL without a passage, also for snapshots without passage context', () => {
    expect(sourcePassageUrl({ url: 'https://e.org/r', excerpt: '' })).toBe('https://e.org/r');
    expect(sourcePassageUrl({ url: 'https://e.org/r', excerpt: 'x' })).toBe('https://e.org/r#:~:text=x');
  });

  it('is null for a URL that is not http(s)', () => {
    expect(sourcePassageUrl({ url: 'javascript:alert(1)', excerpt: 'x' })).toBeNull();
    expect(sourcePassageUrl({ url: '', excerpt: 'x' })).toBeNull();
  });
});
