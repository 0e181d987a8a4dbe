import { describe as group, expect, it } from 'vitest';
import { splitsSurrogatePair } from './code-points';
import { anchor, describe } from './index';
import { pick, randomInt, seededRandom } from '@/test/fixtures/anchoring';

// Tokens chosen to stress anchoring: astral emoji and ZWJ sequences, Persian with ZWNJ,
// whitespace runs (NBSP, newlines) and repeated substrings.
const TOKENS = [
  'the', 'minister', 'said', 'inflation', 'fell', 'rose', 'percent', '4.2', 'Tehran', 'ISIS',
  'می‌خواهم', 'خامنه‌ای', 'گفت', 'ایران', '\u200c',
  '👩‍👩‍👧', '🇮🇷', '😀', '𝒳',
  'abcabc', 'abc', 'ab', 'a',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', '\u00a0', ', ', '. ', ''];

function randomText(random: () => number, words: number): string {
  let text = '';
  for (let i = 0; i < words; i += 1) text += pick(random, TOKENS) + pick(random, SEPARATORS);
  return text;
}

/** A random non-empty range whose ends do not split a surrogate pair. */
function randomRange(random: () => number, text: string): { start: number; end: number } {
  for (;;) {
    const a = randomInt(random, text.length + 1);
    const b = Math.min(text.length, a + 1 + randomInt(random, random() < 0.1 ? text.length : 60));
    if (a < b && !splitsSurrogatePair(text, a) && !splitsSurrogatePair(text, b)) return { start: a, end: b };
  }
}

group('round trips', () => {
  it('anchor(t, describe(t, s, e)) returns exactly (s, e) — 500 random texts and ranges', () => {
    const random = seededRandom(2024);
    for (let round = 0; round < 500; round += 1) {
      const text = randomText(random, 5 + randomInt(random, 80));
      const range = randomRange(random, text);
      expect({ round, found: anchor(text, describe(text, range.start, range.end)) }).toEqual({ round, found: range });
    }
  });

  it('without the position selector, finds a range indistinguishable from the original (same quote and context)', () => {
    const random = seededRandom(77);
    for (let round = 0; round < 500; round += 1) {
      const text = randomText(random, 5 + randomInt(random, 80));
      const range = randomRange(random, text);
      const [quote] = describe(text, range.start, range.end);
      const found = anchor(text, [quote]);
      expect(found).not.toBeNull();
      const [again] = describe(text, found!.start, found!.end);
      expect({ round, again }).toEqual({ round, again: quote });
    }
  });

  it('follows the quote exactly when text is inserted or deleted away from it — 500 cases', () => {
    const random = seededRandom(31337);
    for (let round = 0; round < 500; round += 1) {
      const text = randomText(random, 40 + randomInt(random, 80));
      const range = randomRange(random, text);
      const selectors = describe(text, range.start, range.end);
      const added = randomText(random, 1 + randomInt(random, 5));
      // Edit before the prefix or after the suffix (outside the 32 code points of context = ≤ 64 units).
      const before = range.start > 70 && random() < 0.5;
      const at = before ? randomInt(random, range.start - 70) : Math.min(text.length, range.end + 70 + randomInt(random, 40));
      const remove = random() < 0.5 ? Math.min(randomInt(random, 10), before ? range.start - 70 - at : text.length - at) : 0;
      let cut = at + remove;
      if (splitsSurrogatePair(text, cut)) cut += 1;
      const safeAt = splitsSurrogatePair(text, at) ? at - 1 : at;
      const edited = text.slice(0, safeAt) + added + text.slice(cut);
      const shift = before ? added.length - (cut - safeAt) : 0;
      expect({ round, found: anchor(edited, selectors) }).toEqual({ round, found: { start: range.start + shift, end: range.end + shift } });
    }
  });
});
