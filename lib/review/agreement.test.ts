import { describe, expect, it } from 'vitest';
import { fleissKappa, fleissKappaDetails, interpretKappa, percentAgreement, summarizeAgreement, type Ratings } from './agreement';

/** Expands a row of per-category counts into one array of category keys. */
function fromCounts(rows: number[][], categories: string[]): string[][] {
  return rows.map((row) => row.flatMap((n, j) => Array.from({ length: n }, () => categories[j]!)));
}

// The worked example on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories.
const WIKIPEDIA_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
const WIKIPEDIA = fromCounts(WIKIPEDIA_COUNTS, ['c1', 'c2', 'c3', 'c4', 'c5']);

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example (κ ≈ 0.210, P̄ ≈ 0.378, P̄e ≈ 0.213)', () => {
    const result = fleissKappaDetails(WIKIPEDIA)!;
    expect(result.items).toBe(10);
    expect(result.ratings).toBe(140);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result.categoryShares.c1).toBeCloseTo(0.143, 3);
    expect(result.categoryShares.c3).toBeCloseTo(0.279, 3);
    expect(fleissKappa(WIKIPEDIA)).toBeCloseTo(0.21, 3);
  });

  it('is 1 for perfect agreement across several categories', () => {
    expect(fleissKappa([['true', 'true', 'true'], ['false', 'false'], ['half-true', 'half-true']])).toBe(1);
  });

  it('is negative when every pair disagrees (−1 for two raters, two balanced categories)', () => {
    expect(fleissKappa([['true', 'false'], ['false', 'true']])).toBe(-1);
    expect(percentAgreement([['true', 'false'], ['false', 'true']])).toBe(0);
    expect(fleissKappa([['a', 'b', 'c'], ['b', 'c', 'a']])!).toBeLessThan(0);
  });

  it('handles a different number of raters per item (hand-computed: κ = 17/80)', () => {
    // P_i = 1/3, 1, 1/2 → P̄ = 11/18; p_a = 5/9, p_b = 4/9 → P̄e = 41/81.
    const ratings = [['a', 'a', 'b'], ['a', 'a'], ['b', 'b', 'b', 'a']];
    const result = fleissKappaDetails(ratings)!;
    expect(result.observed).toBeCloseTo(11 / 18, 12);
    expect(result.expected).toBeCloseTo(41 / 81, 12);
    expect(result.kappa).toBeCloseTo(17 / 80, 12);
  });

  it('ignores items with fewer than two ratings', () => {
    const withSingles: Ratings = [['a', 'a', 'b'], ['a'], [], ['a', 'a'], ['b', 'b', 'b', 'a'], ['z']];
    expect(fleissKappa(withSingles)).toBeCloseTo(17 / 80, 12);
    expect(fleissKappaDetails(withSingles)!.items).toBe(3);
  });

  it('is null when undefined: no usable items, or a single category overall (P̄e = 1)', () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([['true'], ['false']])).toBeNull();
    expect(fleissKappa([['true', 'true'], ['true', 'true', 'true']])).toBeNull();
  });

  it('equals the equal-raters formula when every item has the same raters', () => {
    const ratings = [['a', 'b', 'b'], ['a', 'a', 'a'], ['c', 'b', 'c'], ['a', 'c', 'c']];
    // Classic Fleiss with n = 3: P_i = (Σ n_ij² − n) / (n(n − 1)).
    const n = 3;
    const pi = ratings.map((item) => {
      const counts = ['a', 'b', 'c'].map((k) => item.filter((x) => x === k).length);
      return (counts.reduce((s, c) => s + c * c, 0) - n) / (n * (n - 1));
    });
    const pBar = pi.reduce((s, p) => s + p, 0) / pi.length;
    const shares = ['a', 'b', 'c'].map((k) => ratings.flat().filter((x) => x === k).length / (ratings.length * n));
    const pe = shares.reduce((s, p) => s + p * p, 0);
    expect(fleissKappa(ratings)).toBeCloseTo((pBar - pe) / (1 - pe), 12);
  });
});

describe('percentAgreement', () => {
  it('is the mean share of agreeing rater pairs', () => {
    expect(percentAgreement(WIKIPEDIA)).toBeCloseTo(0.378, 3);
    expect(percentAgreement([['a', 'a'], ['a', 'b']])).toBe(0.5);
  });
  it('is 1 when all agree, even in a single category (where kappa is undefined)', () => {
    expect(percentAgreement([['true', 'true'], ['true', 'true']])).toBe(1);
  });
  it('is null with no usable items', () => {
    expect(percentAgreement([['a']])).toBeNull();
  });
});

describe('bad input', () => {
  it('rejects a non-array', () => {
    expect(() => fleissKappa('a,b' as unknown as Ratings)).toThrow(/must be an array/);
    expect(() => percentAgreement(null as unknown as Ratings)).toThrow(TypeError);
  });
  it('rejects an item that is not an array', () => {
    expect(() => fleissKappa([['a', 'b'], 'ab'] as unknown as Ratings)).toThrow(/item 1 must be an array/);
  });
  it('rejects empty or non-string keys, naming the place', () => {
    expect(() => fleissKappa([['a', '']])).toThrow(/Rating 1 of item 0 must be a non-empty category key/);
    expect(() => fleissKappa([['a', '  ']])).toThrow(TypeError);
    expect(() => percentAgreement([['a', 3]] as unknown as Ratings)).toThrow(/non-empty category key/);
  });
});

describe('interpretKappa', () => {
  it.each([
    [-0.3, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.5, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost_perfect'],
    [1, 'almost_perfect'],
  ] as const)('κ = %s → %s (Landis & Koch)', (kappa, band) => {
    expect(interpretKappa(kappa).band).toBe(band);
  });
  it('carries the caveat in its note', () => {
    expect(interpretKappa(0.5).note).toMatch(/Landis & Koch/);
    expect(interpretKappa(0.5).note).toMatch(/few claims/);
  });
  it('explains a missing kappa', () => {
    expect(interpretKappa(null)).toMatchObject({ band: null, label: 'Not enough data' });
  });
  it('rejects impossible values', () => {
    expect(() => interpretKappa(Number.NaN)).toThrow(RangeError);
    expect(() => interpretKappa(1.5)).toThrow(/between -1 and 1/);
  });
});

describe('summarizeAgreement', () => {
  it('combines the numbers and the reading', () => {
    const summary = summarizeAgreement([['a', 'a', 'b'], ['a', 'a'], ['b', 'b', 'b', 'a'], ['x']]);
    expect(summary).toMatchObject({ items: 3, ratings: 9 });
    expect(summary.kappa).toBeCloseTo(0.2125, 10);
    expect(summary.percentAgreement).toBeCloseTo(11 / 18, 10);
    expect(summary.interpretation.band).toBe('fair');
  });
  it('is empty but well-formed with nothing to count', () => {
    expect(summarizeAgreement([])).toEqual({
      items: 0,
      ratings: 0,
      percentAgreement: null,
      kappa: null,
      expectedAgreement: null,
      interpretation: interpretKappa(null),
    });
  });
});
