/**
 * Myers' bit-parallel edit distance (1999), in Hyyrö's multi-word "blocks" form as used by edlib.
 * Each text character updates ⌈m/32⌉ machine words, so a scan costs O(n·⌈m/32⌉) instead of O(n·m).
 */

const WORD_BITS = 32;
const HIGH_BIT = 1 << 31;

export type ScanOptions = {
  /**
   * false: the pattern may start anywhere (approximate search; scores[i] is the best match ending there).
   * true: the pattern must start at the first scanned character (scores[i] is the distance to exactly i characters).
   */
  anchored: boolean;
  /** Scan the text right-to-left from `to` (the pattern is then matched back to front). */
  reverse: boolean;
};

/**
 * scores[i] = edit distance of `pattern` after consuming i characters of text[from, to)
 * (forward from `from`, or backward from `to`). scores[0] is pattern.length.
 */
export function scanEditDistances(pattern: string, text: string, from: number, to: number, options: ScanOptions): Int32Array {
  const length = Math.max(0, to - from);
  const scores = new Int32Array(length + 1);
  const m = pattern.length;
  if (m === 0) {
    if (options.anchored) for (let i = 0; i <= length; i += 1) scores[i] = i;
    return scores;
  }
  const blockCount = Math.ceil(m / WORD_BITS);
  const masks = matchMasks(pattern, options.reverse, blockCount);
  const noMatch = new Int32Array(blockCount);
  // Vertical deltas of the current column, one bit per pattern row: first column is 0,1,2,…,m (all +1).
  const plusVertical = new Int32Array(blockCount).fill(-1);
  const minusVertical = new Int32Array(blockCount);
  // Bits above row m-1 in the last word are junk; they only ever carry upwards, so reading row m-1 is safe.
  const lastRowBit = 1 << ((m - 1) % WORD_BITS);
  const lastBlock = blockCount - 1;
  const topDelta = options.anchored ? 1 : 0;

  let score = m;
  scores[0] = m;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(options.reverse ? to - 1 - i : from + i);
    const equal = masks.get(code) ?? noMatch;
    let carry = topDelta; // horizontal delta entering the block from above: -1, 0 or +1
    for (let b = 0; b <= lastBlock; b += 1) {
      const pv = plusVertical[b]!;
      const mv = minusVertical[b]!;
      let eq = equal[b]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const outBit = b === lastBlock ? lastRowBit : HIGH_BIT;
      const carryOut = (ph & outBit) !== 0 ? 1 : (mh & outBit) !== 0 ? -1 : 0;
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | (carry < 0 ? 1 : 0);
      plusVertical[b] = mh | ~(xv | ph);
      minusVertical[b] = ph & xv;
      carry = carryOut;
    }
    score += carry;
    scores[i + 1] = score;
  }
  return scores;
}

/** The last few patterns' masks: one search scans the same quote, prefix and suffix many times. */
const recentMasks = new Map<string, Map<number, Int32Array>>();
const RECENT_MASKS = 16;

/** For each UTF-16 unit of the pattern, the bit set of rows where it occurs (row 0 = first character matched). */
function matchMasks(pattern: string, reverse: boolean, blockCount: number): Map<number, Int32Array> {
  const key = (reverse ? 'r' : 'f') + pattern;
  const cached = recentMasks.get(key);
  if (cached) return cached;
  const masks = buildMasks(pattern, reverse, blockCount);
  if (recentMasks.size >= RECENT_MASKS) recentMasks.delete(recentMasks.keys().next().value!);
  recentMasks.set(key, masks);
  return masks;
}

function buildMasks(pattern: string, reverse: boolean, blockCount: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  const m = pattern.length;
  for (let row = 0; row < m; row += 1) {
    const code = pattern.charCodeAt(reverse ? m - 1 - row : row);
    let mask = masks.get(code);
    if (!mask) {
      mask = new Int32Array(blockCount);
      masks.set(code, mask);
    }
    mask[row >>> 5] = (mask[row >>> 5] ?? 0) | (1 << (row & 31));
  }
  return masks;
}
