import { describe as group, expect, it } from 'vitest';
import { describe } from './describe';

group('describe', () => {
  it('records the quote, 32 code points of context and code point positions', () => {
    const text = `${'x'.repeat(40)}QUOTE${'y'.repeat(40)}`;
    const [quote, position] = describe(text, 40, 45);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 40, end: 45 });
  });

  it('keeps short context at the edges of the text', () => {
    expect(describe('abc', 0, 3)).toEqual([
      { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 3 },
    ]);
  });

  it('counts positions in code points and never splits an emoji in the context', () => {
    const text = `${'🙂'.repeat(40)}خامنه‌ای${'🇮🇷'.repeat(20)}`;
    const start = 80; // 40 emoji × 2 units
    const end = start + 'خامنه‌ای'.length;
    const [quote, position] = describe(text, start, end);
    expect(quote.exact).toBe('خامنه‌ای');
    expect(quote.prefix).toBe('🙂'.repeat(32));
    expect(quote.suffix).toBe('🇮🇷'.repeat(16)); // 32 code points = 16 flags
    expect(position).toEqual({ type: 'TextPositionSelector', start: 40, end: 48 });
  });

  it.each([
    ['negative start', -1, 2, 'describe: start must not be negative (got -1)'],
    ['fractional start', 0.5, 2, 'describe: start must be an integer (got 0.5)'],
    ['NaN end', 0, Number.NaN, 'describe: end must be an integer (got NaN)'],
    ['end beyond the text', 0, 99, 'describe: end (99) is beyond the end of the text (6)'],
    ['start after end', 4, 2, 'describe: start (4) is after end (2)'],
    ['empty range', 3, 3, 'describe: the range is empty (start = end = 3)'],
    ['start inside a surrogate pair', 3, 5, 'describe: start (3) splits a surrogate pair'],
    ['end inside a surrogate pair', 0, 3, 'describe: end (3) splits a surrogate pair'],
  ])('rejects %s', (_name, start, end, message) => {
    expect(() => describe('ab🙂cd', start, end)).toThrow(new RangeError(message));
  });

  it('rejects a non-string text with a TypeError', () => {
    expect(() => describe(42 as unknown as string, 0, 1)).toThrow(new TypeError('describe: text must be a string'));
  });
});
