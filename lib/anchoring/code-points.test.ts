import { describe as group, expect, it } from 'vitest';
import { CodePointIndex, codePointToUtf16, splitsSurrogatePair, stepBackCodePoints, stepForwardCodePoints, utf16ToCodePoint, widenToCodePoints } from './code-points';
import { pick, randomInt, seededRandom } from '@/test/fixtures/anchoring';

const FAMILY = '👩‍👩‍👧'; // 3 astral code points joined by 2 ZWJ: 8 UTF-16 units, 5 code points
const FLAG = '🇮🇷'; // 2 regional indicators: 4 units, 2 code points

/** Reference: UTF-16 offset where each code point starts, from the spec-defined string iterator. */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const char of text) {
    starts.push(offset);
    offset += char.length;
  }
  starts.push(offset);
  return starts;
}

group('CodePointIndex', () => {
  it.each([
    ['plain ASCII', 'hello', 3, 3],
    ['after an emoji family', `${FAMILY}x`, 8, 5],
    ['after a flag', `a${FLAG}b`, 5, 3],
    ['Persian with ZWNJ (all BMP)', 'می‌خواهم', 4, 4],
    ['end of text', `${FLAG}${FAMILY}`, 12, 7],
  ])('%s: UTF-16 %i ↔ code point %i', (_name, text, utf16, codePoint) => {
    expect(utf16ToCodePoint(text, utf16)).toBe(codePoint);
    expect(codePointToUtf16(text, codePoint)).toBe(utf16);
  });

  it('agrees with [...text] on random strings (emoji, Persian, lone surrogates)', () => {
    const random = seededRandom(7);
    const pieces = ['a', ' ', FAMILY, FLAG, '😀', 'می‌خواهم', '\u200c', '\ud800', '\udc00', '\n'];
    for (let round = 0; round < 200; round += 1) {
      let text = '';
      for (let n = randomInt(random, 12); n > 0; n -= 1) text += pick(random, pieces);
      const index = new CodePointIndex(text);
      const starts = codePointStarts(text);
      expect(index.codePointLength).toBe([...text].length);
      starts.forEach((utf16, codePoint) => {
        expect(index.toCodePoint(utf16)).toBe(codePoint);
        expect(index.toUtf16(codePoint)).toBe(utf16);
      });
      for (let offset = 0; offset <= text.length; offset += 1) {
        expect(splitsSurrogatePair(text, offset)).toBe(!starts.includes(offset));
      }
    }
  });

  it('rejects offsets outside the text or inside a surrogate pair', () => {
    const index = new CodePointIndex(`a${FLAG}`);
    expect(() => index.toCodePoint(2)).toThrow(new RangeError('UTF-16 offset 2 splits a surrogate pair'));
    expect(() => index.toCodePoint(6)).toThrow(new RangeError('UTF-16 offset 6 is outside the text (0…5)'));
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
    expect(() => index.toCodePoint(1.5)).toThrow(RangeError);
    expect(index.toUtf16(4)).toBeNull();
    expect(index.toUtf16(-1)).toBeNull();
    expect(index.toUtf16(0.5)).toBeNull();
  });
});

group('stepping by code points', () => {
  const text = `ab${FAMILY}c${FLAG}`;
  it.each([
    [3, 1, 2, 'b|👩'],
    [3, 4, 0, 'to the start'],
    [8, 1, 7, 'over one ZWJ unit'],
    [10, 1, 8, 'over the girl emoji'],
    [text.length, 1, text.length - 2, 'over a whole regional indicator'],
  ])('back from %i by %i → %i (%s)', (from, count, expected) => {
    expect(stepBackCodePoints(text, from, count)).toBe(expected);
  });
  it.each([
    [2, 1, 4, 'over a surrogate pair'],
    [2, 5, 10, 'over the family'],
    [11, 5, text.length, 'clamped at the end'],
  ])('forward from %i by %i → %i (%s)', (from, count, expected) => {
    expect(stepForwardCodePoints(text, from, count)).toBe(expected);
  });
});

group('widenToCodePoints', () => {
  it.each([
    [{ start: 2, end: 4 }, { start: 1, end: 5 }, 'both ends inside emoji'],
    [{ start: 1, end: 3 }, { start: 1, end: 3 }, 'already on boundaries'],
    [{ start: 0, end: 2 }, { start: 0, end: 3 }, 'end inside the first emoji'],
  ])('%o → %o (%s)', (range, expected) => {
    expect(widenToCodePoints('a😀😀b', range)).toEqual(expected);
  });
});
