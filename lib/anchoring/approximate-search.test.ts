import { describe as group, expect, it } from 'vitest';
import { findApproximateMatches } from './approximate-search';
import { alignNear } from './banded-alignment';
import { scanEditDistances } from './edit-distance-scan';
import { findLongQuoteMatches } from './long-quote-search';
import { bestEndDistances, levenshtein, randomInt, randomString, seededRandom } from '@/test/fixtures/anchoring';

group('scanEditDistances (bit-parallel) against the plain DP', () => {
  // Lengths straddle word boundaries: 1 word, exactly 32, 2 words, 3+ words.
  it.each([1, 7, 31, 32, 33, 64, 65, 100])('pattern length %i', (patternLength) => {
    const random = seededRandom(patternLength);
    for (let round = 0; round < 20; round += 1) {
      const pattern = randomString(random, patternLength);
      const text = randomString(random, 150);
      expect(Array.from(scanEditDistances(pattern, text, 0, text.length, { anchored: false, reverse: false }))).toEqual(bestEndDistances(pattern, text));

      const reversed = (s: string) => [...s].reverse().join('');
      expect(Array.from(scanEditDistances(pattern, text, 0, text.length, { anchored: false, reverse: true }))).toEqual(bestEndDistances(reversed(pattern), reversed(text)));

      const anchored = Array.from(scanEditDistances(pattern, text, 10, 80, { anchored: true, reverse: false }));
      expect(anchored).toEqual(anchored.map((_, i) => levenshtein(pattern, text.slice(10, 10 + i))));
    }
  });

  it('handles an empty pattern', () => {
    expect(Array.from(scanEditDistances('', 'abc', 0, 3, { anchored: true, reverse: false }))).toEqual([0, 1, 2, 3]);
    expect(Array.from(scanEditDistances('', 'abc', 0, 3, { anchored: false, reverse: false }))).toEqual([0, 0, 0, 0]);
  });
});

group('findApproximateMatches', () => {
  it('finds a corrected word with its exact span and error count', () => {
    const text = 'the rate fell to 4.3 percent in March';
    expect(findApproximateMatches(text, 'fell to 4.2 percent', 4)).toEqual([{ start: 9, end: 28, errors: 1 }]);
  });

  it('reports each occurrence once and only within the error bound', () => {
    expect(findApproximateMatches('xx abcdef yy abcxef zz abzzzf', 'abcdef', 1)).toEqual([
      { start: 3, end: 9, errors: 0 },
      { start: 13, end: 19, errors: 1 },
    ]);
  });

  it('every reported match is a real one (checked with the plain DP)', () => {
    const random = seededRandom(99);
    for (let round = 0; round < 100; round += 1) {
      const pattern = randomString(random, 5 + randomInt(random, 60));
      const text = randomString(random, 200);
      const maxErrors = Math.floor(pattern.length / 4);
      const ends = bestEndDistances(pattern, text);
      const matches = findApproximateMatches(text, pattern, maxErrors);
      for (const match of matches) {
        expect(match.errors).toBeLessThanOrEqual(maxErrors);
        expect(levenshtein(pattern, text.slice(match.start, match.end))).toBe(match.errors);
        expect(ends[match.end]).toBe(match.errors);
      }
      // The best end overall is always reported.
      const best = Math.min(...ends);
      if (best <= maxErrors) expect(matches.some((m) => m.errors === best)).toBe(true);
    }
  });
});

group('alignNear (banded DP)', () => {
  it('finds the span and errors near the expected start', () => {
    const text = 'lorem ipsum THE QUICK BROWN FXO JUMPS dolor';
    expect(alignNear(text, 'THE QUICK BROWN FOX JUMPS', 14, 4)).toEqual({ start: 12, end: 37, errors: 2 });
  });

  it('agrees with the plain DP inside the band', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 100; round += 1) {
      const text = randomString(random, 120);
      const start = randomInt(random, 60);
      const pattern = mutate(text.slice(start, start + 30 + randomInt(random, 30)), random, 3);
      const found = alignNear(text, pattern, start, 6);
      expect(found).not.toBeNull();
      expect(levenshtein(pattern, text.slice(found!.start, found!.end))).toBe(found!.errors);
      expect(found!.errors).toBeLessThanOrEqual(3);
    }
  });
});

group('findLongQuoteMatches (pigeonhole)', () => {
  it('finds a 12,000-unit quote with scattered corrections in a long text', () => {
    const random = seededRandom(11);
    const words = Array.from({ length: 60_000 }, () => randomString(random, 2 + randomInt(random, 8), 'abcdefghijklmnopqrstuvwxyz'));
    const text = words.join(' ');
    const start = text.indexOf(' ', 200_000) + 1;
    const quote = text.slice(start, start + 12_000);
    const edited = `${text.slice(0, start + 100)}XYZ${text.slice(start + 103, start + 6000)}Q${text.slice(start + 6000)}`;
    const matches = findLongQuoteMatches(edited, quote, 32, start);
    expect(matches).toEqual([{ start, end: start + 12_001, errors: 4 }]);
  });
});

/** Applies up to `edits` random single-character edits. */
function mutate(text: string, random: () => number, edits: number): string {
  let out = text;
  for (let n = randomInt(random, edits + 1); n > 0; n -= 1) {
    const at = randomInt(random, out.length);
    const kind = randomInt(random, 3);
    if (kind === 0) out = out.slice(0, at) + 'z' + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + 'y' + out.slice(at);
  }
  return out;
}
