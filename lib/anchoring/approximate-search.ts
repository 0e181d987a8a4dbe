import { scanEditDistances } from './edit-distance-scan';

/** A substring text[start, end) within `errors` edits (Levenshtein) of the pattern. */
export type ApproximateMatch = { start: number; end: number; errors: number };

/**
 * Every place in text[from, to) where `pattern` occurs with at most `maxErrors` edits: one match per
 * local minimum of the error count, so a single occurrence is not reported once per nearby end offset.
 * Cost O((to − from)·⌈m/32⌉) plus O((m + k)·⌈m/32⌉) per match; meant for patterns of a few hundred units.
 */
export function findApproximateMatches(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproximateMatch[] {
  if (pattern.length === 0 || to <= from) return [];
  const endScores = scanEditDistances(pattern, text, from, to, { anchored: false, reverse: false });
  const matches: ApproximateMatch[] = [];
  for (const endIndex of localMinima(endScores, maxErrors)) {
    const end = from + endIndex;
    matches.push(matchEndingAt(text, pattern, end, endScores[endIndex] ?? maxErrors, from));
  }
  return matches;
}

/** Indices i ≥ 1 where scores[i] ≤ limit and is a strict local minimum (the first index of a flat bottom). */
function localMinima(scores: Int32Array, limit: number): number[] {
  const minima: number[] = [];
  let i = 1;
  while (i < scores.length) {
    const value = scores[i]!;
    if (value > limit || value >= scores[i - 1]!) {
      i += 1;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < scores.length && scores[runEnd] === value) runEnd += 1;
    if (runEnd === scores.length || scores[runEnd]! > value) minima.push(i);
    i = runEnd;
  }
  return minima;
}

/**
 * Recovers where a match ending at `end` with `errors` edits starts: scan backwards with the pattern
 * anchored at `end`. Among equally good starts prefer the length closest to the pattern's, then the longer.
 */
function matchEndingAt(text: string, pattern: string, end: number, errors: number, lowerBound: number): ApproximateMatch {
  const windowStart = Math.max(lowerBound, end - pattern.length - errors);
  const scores = scanEditDistances(pattern, text, windowStart, end, { anchored: true, reverse: true });
  let bestLength = 0;
  let bestErrors = Infinity;
  for (let length = 0; length < scores.length; length += 1) {
    const value = scores[length]!;
    const closer = Math.abs(length - pattern.length) <= Math.abs(bestLength - pattern.length);
    if (value < bestErrors || (value === bestErrors && closer)) {
      bestErrors = value;
      bestLength = length;
    }
  }
  return { start: end - bestLength, end, errors: bestErrors };
}
