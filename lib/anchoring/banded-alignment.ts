import type { ApproximateMatch } from './approximate-search';

/**
 * Best alignment of the whole `pattern` against a substring of `text` that starts within `radius`
 * of `expectedStart` and stays within `radius` of the diagonal. A banded Sellers/Levenshtein DP:
 * O(m·radius) time and O(radius) memory, which keeps 10,000-character quotes cheap.
 */
export function alignNear(text: string, pattern: string, expectedStart: number, radius: number): ApproximateMatch | null {
  const m = pattern.length;
  const width = 2 * radius + 1;
  // Row i covers text offsets j = expectedStart + i - radius + d for d in [0, width).
  let cost = new Float64Array(width);
  let origin = new Int32Array(width);
  let nextCost = new Float64Array(width);
  let nextOrigin = new Int32Array(width);

  const firstColumn = (row: number) => expectedStart + row - radius;
  for (let d = 0; d < width; d += 1) {
    const j = firstColumn(0) + d;
    const inside = j >= 0 && j <= text.length;
    cost[d] = inside ? 0 : Infinity; // the match may start anywhere in the band
    origin[d] = j;
  }

  for (let row = 1; row <= m; row += 1) {
    const code = pattern.charCodeAt(row - 1);
    const base = firstColumn(row);
    for (let d = 0; d < width; d += 1) {
      const j = base + d;
      if (j < 0 || j > text.length) {
        nextCost[d] = Infinity;
        continue;
      }
      // Same text offset j is index d+1 in the previous row; offset j-1 is index d.
      let best = j >= 1 ? cost[d]! + (text.charCodeAt(j - 1) === code ? 0 : 1) : Infinity; // match / substitute
      let from = origin[d]!;
      const skipPattern = d + 1 < width ? cost[d + 1]! + 1 : Infinity; // pattern char missing from text
      if (skipPattern < best) {
        best = skipPattern;
        from = origin[d + 1]!;
      }
      const skipText = d > 0 ? nextCost[d - 1]! + 1 : Infinity; // extra char in text
      if (skipText < best) {
        best = skipText;
        from = nextOrigin[d - 1]!;
      }
      nextCost[d] = best;
      nextOrigin[d] = from;
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }

  let result: ApproximateMatch | null = null;
  const base = firstColumn(m);
  for (let d = 0; d < width; d += 1) {
    const errors = cost[d]!;
    if (!Number.isFinite(errors)) continue;
    const candidate = { start: origin[d]!, end: base + d, errors };
    if (!result || errors < result.errors || (errors === result.errors && isCloserLength(candidate, result, m))) result = candidate;
  }
  return result;
}

function isCloserLength(a: ApproximateMatch, b: ApproximateMatch, length: number): boolean {
  return Math.abs(a.end - a.start - length) < Math.abs(b.end - b.start - length);
}
