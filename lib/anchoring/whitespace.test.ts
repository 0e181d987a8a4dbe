import { describe as group, expect, it } from 'vitest';
import { isWhitespace, NormalizedText } from './whitespace';

group('isWhitespace', () => {
  it('is exactly the regex class \\s over the whole BMP', () => {
    const mismatches: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps ZWNJ and ZWJ significant', () => {
    expect(isWhitespace(0x200c)).toBe(false);
    expect(isWhitespace(0x200d)).toBe(false);
  });
});

group('NormalizedText', () => {
  const original = 'a \n\n b\u00a0\u00a0c\td';
  const view = new NormalizedText(original);

  it('collapses each whitespace run to one space', () => {
    expect(view.text).toBe('a b c d');
  });

  it('maps offsets back to the original text', () => {
    // 'b c' is normalised [2, 5) → original [5, 9)
    expect(view.toOriginalStart(2)).toBe(5);
    expect(view.toOriginalEnd(5)).toBe(9);
    // ' b' starts with the collapsed run → covers it whole; 'a ' ends after the whole run
    expect(view.toOriginalStart(1)).toBe(1);
    expect(view.toOriginalEnd(2)).toBe(5);
    expect(view.toOriginalEnd(view.text.length)).toBe(original.length);
    expect(view.toOriginalStart(view.text.length)).toBe(original.length);
  });

  it('maps original offsets into the view (inside a run → the collapsed space)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((offset) => view.fromOriginal(offset))).toEqual([0, 1, 1, 1, 1, 2, 3, 3, 4, 5, 6, 7]);
  });
});
