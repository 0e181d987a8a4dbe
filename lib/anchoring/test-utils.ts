/** Helpers shared by the anchoring tests: a seeded PRNG and slow reference implementations. */

/** mulberry32: small, fast, deterministic; good enough to generate test cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[randomInt(random, items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** Plain O(m·n) Levenshtein distance. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Sellers' DP: for each end offset of `text`, the fewest edits turning `pattern` into a substring ending there. */
export function bestEndDistances(pattern: string, text: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const ends = [pattern.length];
  for (let j = 1; j <= text.length; j += 1) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i += 1) {
      next[i] = Math.min(column[i]! + 1, next[i - 1]! + 1, column[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1));
    }
    column = next;
    ends.push(column[pattern.length]!);
  }
  return ends;
}

/** Random string over a small alphabet, so approximate matches are common. */
export function randomString(random: () => number, length: number, alphabet = 'abcd'): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(random, alphabet.length)];
  return out;
}
