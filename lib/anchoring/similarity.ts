import { scanEditDistances } from './edit-distance-scan';

/**
 * How well `prefix` matches the text just before `offset`, from 0 (nothing alike) to 1 (verbatim):
 * 1 − edit distance / prefix length, aligning the prefix's end to `offset` (its start may drift).
 */
export function prefixSimilarity(text: string, offset: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  const from = Math.max(0, offset - 2 * prefix.length);
  return toSimilarity(scanEditDistances(prefix, text, from, offset, { anchored: true, reverse: true }), prefix.length);
}

/** Like prefixSimilarity, for `suffix` against the text just after `offset`. */
export function suffixSimilarity(text: string, offset: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  const to = Math.min(text.length, offset + 2 * suffix.length);
  return toSimilarity(scanEditDistances(suffix, text, offset, to, { anchored: true, reverse: false }), suffix.length);
}

function toSimilarity(scores: Int32Array, length: number): number {
  let best = length;
  for (const score of scores) best = Math.min(best, score);
  return 1 - best / length;
}
