import { describe as group, expect, it } from 'vitest';
import { anchor, describe, type TextQuoteSelector } from './index';

const ARTICLE = [
  'Khamenei says U.S. created ISIS and Iran defeated it.',
  'The minister said on Tuesday that inflation had fallen to 4.2 percent in March, the lowest rate in three years. Critics argued that the figures ignored food prices, which rose sharply across the country.',
  'Independent economists estimated real inflation closer to 9 percent. The central bank declined to comment on the discrepancy, citing an ongoing review of its methodology.',
  'Opposition leaders called for an inquiry into how the statistics office compiles its data.',
].join('\n\n');

/** Selectors for the first occurrence of `quote` (or the nth) in `text`. */
function select(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`test setup: "${quote}" not in text`);
  return { selectors: describe(text, start, start + quote.length), start, end: start + quote.length };
}

/** The range `quote` occupies in `text` (its nth occurrence), as anchor() should report it. */
function rangeOf(text: string, quote: string, occurrence = 0) {
  return { start: select(text, quote, occurrence).start, end: select(text, quote, occurrence).end };
}

const QUOTE = 'inflation had fallen to 4.2 percent in March';

group('anchor: edits around and inside the quote', () => {
  const { selectors, start, end } = select(ARTICLE, QUOTE);
  const insert = (text: string, at: number, added: string) => text.slice(0, at) + added + text.slice(at);

  it.each([
    ['unchanged text', ARTICLE, { start, end }],
    ['text inserted at the very start', `BREAKING: ${ARTICLE}`, { start: start + 10, end: end + 10 }],
    ['text inserted just before the quote', insert(ARTICLE, start, 'according to officials, '), { start: start + 24, end: end + 24 }],
    ['a paragraph deleted before the quote', ARTICLE.slice(ARTICLE.indexOf('The minister')), { start: start - 55, end: end - 55 }],
    ['text inserted right after the quote', insert(ARTICLE, end, ' (revised)'), { start, end }],
    ['a figure corrected inside the quote', ARTICLE.replace('4.2 percent', '4.3 percent'), { start, end }],
    ['a word replaced inside the quote', ARTICLE.replace('had fallen', 'had dropped'), { start, end: end + 1 }],
    ['two words corrected and text inserted before', insert(ARTICLE.replace('had fallen to 4.2', 'has fallen to 4.1'), 0, 'Update: '), { start: start + 8, end: end + 8 }],
    ['spaces doubled inside the quote', ARTICLE.replace('fallen to 4.2', 'fallen  to\u00a04.2'), { start, end: end + 1 }],
    ['the quote broken across a line', ARTICLE.replace('to 4.2 percent', 'to\n4.2 percent'), { start, end }],
  ])('%s', (_name, text, expected) => {
    expect(anchor(text, selectors)).toEqual(expected);
  });

  it.each([
    ['the quote deleted', ARTICLE.replace(`${QUOTE}, `, '')],
    ['the sentence deleted', ARTICLE.replace('The minister said on Tuesday that inflation had fallen to 4.2 percent in March, the lowest rate in three years. ', '')],
    ['the quote replaced by unrelated words', ARTICLE.replace(QUOTE, 'officials refused to discuss the economy at all')],
    ['the quote rewritten beyond the error budget', ARTICLE.replace(QUOTE, 'inflation rose sharply to 12 percent in April')],
    ['all text replaced', 'Completely different article about the weather in Tabriz and the football results.'],
    ['empty text', ''],
  ])('orphans when %s', (_name, text) => {
    expect(anchor(text, selectors)).toBeNull();
  });
});

group('anchor: similar sentences and long texts', () => {
  it('does not take a similar sentence elsewhere for a deleted quote', () => {
    const text = 'In March, inflation had fallen to 4.2 percent in March said the bank. Later that year the figure was revised: inflation had fallen to 3.9 percent in April according to the statistics office.';
    const { selectors } = select(text, 'inflation had fallen to 4.2 percent in March');
    expect(anchor(text.replace('inflation had fallen to 4.2 percent in March said the bank. ', ''), selectors)).toBeNull();
  });

  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler sentence ${i} talks about topic ${(i * 37) % 101}.`).join(' ');
  const before = filler(600); // ~25,000 units: large enough for the search near the hint to kick in
  const quote = 'The ministry reported 1,234 new cases in the northern provinces';
  const text = `${before} ${quote} during the first week. ${filler(400)}`;
  const { selectors, start, end } = select(text, quote);

  it('finds a corrected quote near its old position in a long text', () => {
    const edited = `Intro. ${text.replace('1,234 new cases', '1,243 new cases')}`;
    expect(anchor(edited, selectors)).toEqual({ start: start + 7, end: end + 7 });
  });

  it('finds a corrected quote that moved far from its old position', () => {
    const moved = `${text.slice(0, start - 1)}${text.slice(end + ' during the first week.'.length)} Near the end: ${quote.replace('northern', 'northen')} during the first week.`;
    const movedStart = moved.indexOf('The ministry reported');
    expect(movedStart).toBeGreaterThan(start + 10_000);
    expect(anchor(moved, selectors)).toEqual({ start: movedStart, end: movedStart + quote.length - 1 });
  });
});

group('anchor: repeated quotes', () => {
  const text = 'Prices rose in Tehran. Wages stalled in Tabriz. Prices rose in Tehran again last week, officials said. Prices rose in Tehran.';

  it.each([0, 1, 2])('keeps occurrence %i after text is inserted before it', (occurrence) => {
    const { selectors, start, end } = select(text, 'Prices rose in Tehran', occurrence);
    expect(anchor(`Update: ${text}`, selectors)).toEqual({ start: start + 8, end: end + 8 });
  });

  it.each([0, 1, 2])('picks occurrence %i by context alone (no position selector)', (occurrence) => {
    const [quote] = select(text, 'Prices rose in Tehran', occurrence).selectors;
    expect(anchor(`Update: ${text}`, [quote])).toEqual({ start: rangeOf(text, 'Prices rose in Tehran', occurrence).start + 8, end: rangeOf(text, 'Prices rose in Tehran', occurrence).end + 8 });
  });

  it('falls back on the position when the contexts are identical', () => {
    const paragraph = 'The same paragraph appears several times in this wire story, word for word, as copy editors forgot to remove it.';
    const repeated = [paragraph, paragraph, paragraph].join('\n\n');
    const { selectors, start, end } = select(repeated, 'appears several times', 1);
    // Shift everything by 3 (less than the distance between copies): the middle copy is still closest.
    expect(anchor(`Hi ${repeated}`, selectors)).toEqual({ start: start + 3, end: end + 3 });
    // Move the old position to the third copy's neighbourhood: the hint wins the tie.
    const [quote, position] = selectors;
    const third = rangeOf(repeated, 'appears several times', 2);
    expect(anchor(repeated, [quote, { ...position, start: third.start - 5, end: third.end - 5 }])).toEqual(third);
  });

  it('does not take another copy when the position is stale but the context still matches one copy', () => {
    const shifted = text.replace('Wages stalled in Tabriz. ', '');
    const { selectors } = select(text, 'Prices rose in Tehran', 1);
    expect(anchor(shifted, selectors)).toEqual({ start: 23, end: 44 });
  });
});

group('anchor: short quotes rely on exact text and context', () => {
  const { selectors, start, end } = select(ARTICLE, 'ISIS');

  it('follows a moved short quote by its context', () => {
    expect(anchor(`Headline. ${ARTICLE}`, selectors)).toEqual({ start: start + 10, end: end + 10 });
  });

  it('does not fuzzy-match a short quote with a typo', () => {
    expect(anchor(ARTICLE.replace('ISIS', 'ISIL'), selectors)).toBeNull();
  });

  it('does not jump to the same word elsewhere when its own context is gone', () => {
    const rewritten = ARTICLE.replace('Khamenei says U.S. created ISIS and Iran defeated it.', 'A new headline.') + '\n\nAnalysts discussed ISIS at length.';
    expect(anchor(rewritten, selectors)).toBeNull();
  });

  it('does not fuzzy-match a word to a similar word elsewhere', () => {
    const { selectors: word } = select(ARTICLE, 'inflation had', 0);
    const rewritten = ARTICLE.replace('The minister said on Tuesday that inflation had fallen', 'Nobody was talking about it; prices had fallen') + '\n\nSome inflating happened.';
    expect(anchor(rewritten, word)).toBeNull();
  });
});

group('anchor: emoji and Persian', () => {
  const FAMILY = '👩‍👩‍👧';
  const text = `سلام ${FAMILY} 🇮🇷 من می‌خواهم بدانم که آیا این ادعا درست است یا نه. ${FAMILY} پایان`;

  it('counts positions in code points and returns UTF-16 offsets', () => {
    const { selectors, start, end } = select(text, 'می‌خواهم بدانم');
    expect(start).toBe(22); // 'سلام ' 5 + family 8 + ' ' 1 + flag 4 + ' ' 1 + 'من ' 3
    expect(selectors[1]).toEqual({ type: 'TextPositionSelector', start: 17, end: 31 });
    expect(selectors[1].start).toBe([...text.slice(0, start)].length);
    expect(anchor(text, selectors)).toEqual({ start, end });
  });

  it('anchors a quote made of emoji after emoji are inserted before it', () => {
    const { selectors, start, end } = select(text, `${FAMILY} 🇮🇷`);
    expect(anchor(`🎉🎉 ${text}`, selectors)).toEqual({ start: start + 5, end: end + 5 });
  });

  it('anchors Persian with ZWNJ after an insertion and a correction inside the quote', () => {
    const quote = 'من می‌خواهم بدانم که آیا این ادعا درست است';
    const { selectors, start, end } = select(text, quote);
    // ZWNJ dropped from می‌خواهم (a common spelling variant) and a word added before the quote.
    const edited = text.replace('می‌خواهم', 'میخواهم').replace('سلام', 'سلام دوستان');
    expect(anchor(edited, selectors)).toEqual({ start: start + 7, end: end + 6 });
  });

  it('never returns half a surrogate pair from a fuzzy match', () => {
    const quote = `خواهم بدانم ${FAMILY}`;
    const source = `آغاز ${quote} پایان`;
    const { selectors } = select(source, quote);
    const edited = source.replace(FAMILY, '👩‍👩‍👦'); // last emoji differs only in its low surrogate
    const found = anchor(edited, selectors);
    expect(found).toEqual({ start: 5, end: 5 + quote.length });
    expect(() => describe(edited, found!.start, found!.end)).not.toThrow();
  });
});

group('anchor: very long quotes', () => {
  const sentences = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} reports figure ${(i * 7919) % 1000} for region ${(i * 31) % 97}.`);
  const text = sentences.join(' ');
  const start = text.indexOf('Sentence number 1000 ');
  const end = text.indexOf('Sentence number 1250 ') - 1;
  const selectors = describe(text, start, end);

  it('uses a quote of 10,000+ characters', () => {
    expect(end - start).toBeGreaterThan(10_000);
  });

  it('anchors it verbatim after an insertion before it', () => {
    expect(anchor(`Preface. ${text}`, selectors)).toEqual({ start: start + 9, end: end + 9 });
  });

  // Speed is measured by bench/anchoring.bench.ts, never asserted in tests (shared, noisy machines).
  it('anchors it fuzzily after corrections inside it', () => {
    const edited = `Preface. ${text.replace('Sentence number 1100 reports', 'Sentence no. 1100 reported').replace('Sentence number 1200 reports', 'Sentence number 1200 shows')}`;
    // 'number'→'no.' −3, 'reports'→'reported' +1, 'reports'→'shows' −2
    expect(anchor(edited, selectors)).toEqual({ start: start + 9, end: end + 9 - 4 });
  });

  it('orphans it when most of it is gone', () => {
    const edited = text.slice(0, start + 2000) + text.slice(end);
    expect(anchor(edited, selectors)).toBeNull();
  });
});

group('anchor: selector input', () => {
  const { selectors, start, end } = select(ARTICLE, QUOTE);
  const [quote, position] = selectors;

  it('anchors with a quote selector alone', () => {
    expect(anchor(ARTICLE, [quote])).toEqual({ start, end });
  });

  it('anchors with a position selector alone when it fits the text', () => {
    expect(anchor(ARTICLE, [position])).toEqual({ start, end });
    expect(anchor('short', [position])).toBeNull();
  });

  it('treats a stale or out-of-range position as a hint only', () => {
    expect(anchor(ARTICLE, [quote, { ...position, start: 5, end: 10 }])).toEqual({ start, end });
    expect(anchor(ARTICLE, [quote, { type: 'TextPositionSelector', start: 10_000, end: 10_050 }])).toEqual({ start, end });
  });

  it('returns null when no selector is usable, and ignores unknown selector types', () => {
    expect(anchor(ARTICLE, [])).toBeNull();
    const css = { type: 'CssSelector', value: 'p' } as unknown as TextQuoteSelector;
    expect(anchor(ARTICLE, [css])).toBeNull();
    expect(anchor(ARTICLE, [css, quote])).toEqual({ start, end });
  });

  // Malformed selectors are a caller bug or corrupt data, not an orphan: they throw a TypeError.
  it.each([
    ['text not a string', null, [quote], 'anchor: text must be a string'],
    ['selectors not an array', ARTICLE, quote, 'anchor: selectors must be an array'],
    ['a selector that is not an object', ARTICLE, ['TextQuoteSelector'], 'anchor: selectors[0] must be an object'],
    ['a selector without a type', ARTICLE, [{ exact: 'x' }], 'anchor: selectors[0].type must be a string'],
    ['an empty exact', ARTICLE, [{ type: 'TextQuoteSelector', exact: '' }], 'anchor: selectors[0].exact must be a non-empty string'],
    ['a numeric exact', ARTICLE, [{ type: 'TextQuoteSelector', exact: 42 }], 'anchor: selectors[0].exact must be a non-empty string'],
    ['a non-string prefix', ARTICLE, [{ type: 'TextQuoteSelector', exact: 'x', prefix: 1 }], 'anchor: selectors[0].prefix must be a string when present'],
    ['a negative start', ARTICLE, [quote, { type: 'TextPositionSelector', start: -1, end: 4 }], 'anchor: selectors[1].start must be a non-negative integer (got -1)'],
    ['a fractional end', ARTICLE, [{ type: 'TextPositionSelector', start: 1, end: 2.5 }], 'anchor: selectors[0].end must be a non-negative integer (got 2.5)'],
    ['a string position', ARTICLE, [{ type: 'TextPositionSelector', start: '1', end: 2 }], 'anchor: selectors[0].start must be a non-negative integer (got 1)'],
    ['start after end', ARTICLE, [{ type: 'TextPositionSelector', start: 9, end: 2 }], 'anchor: selectors[0] starts after it ends (9 > 2)'],
  ])('throws a TypeError for %s', (_name, text, input, message) => {
    expect(() => anchor(text as string, input as Parameters<typeof anchor>[1])).toThrow(new TypeError(message));
  });
});
