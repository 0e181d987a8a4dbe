import { describe as group, expect, it } from 'vitest';
import { diffText } from '../text/diff';
import { anchor, codePointIndex, describe, reanchorAll, type Selector, type TextRange } from './index';

const ARTICLE = [
  'Khamenei says U.S. created ISIS and Iran defeated it.',
  'The minister said on Tuesday that inflation had fallen to 4.2 percent in March, the lowest rate in three years. Critics argued that the figures ignored food prices, which rose sharply across the country.',
  'Independent economists estimated real inflation closer to 9 percent. The central bank declined to comment on the discrepancy, citing an ongoing review of its methodology.',
  'Opposition leaders called for an inquiry into how the statistics office compiles its data.',
].join('\n\n');

function select(text: string, quote: string, occurrence = 0): { selectors: Selector[]; start: number; end: number } {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`test setup: "${quote}" not in text`);
  return { selectors: describe(text, start, start + quote.length), start, end: start + quote.length };
}

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const QUOTE = 'inflation had fallen to 4.2 percent in March';
const insertAt = (text: string, at: number, added: string) => text.slice(0, at) + added + text.slice(at);

group('reanchorAll: edits before, inside, after and across quotes', () => {
  const { selectors, start, end } = select(ARTICLE, QUOTE);
  it.each([
    ['unchanged text', ARTICLE, { start, end }],
    ['text inserted at the very start', `BREAKING: ${ARTICLE}`, { start: start + 10, end: end + 10 }],
    ['text inserted just before the quote', insertAt(ARTICLE, start, 'according to officials, '), { start: start + 24, end: end + 24 }],
    ['a paragraph deleted before the quote', ARTICLE.slice(ARTICLE.indexOf('The minister')), { start: start - 55, end: end - 55 }],
    ['text inserted right after the quote', insertAt(ARTICLE, end, ' (revised)'), { start, end }],
    ['a paragraph inserted after the quote', ARTICLE.replace('Opposition', 'New paragraph.\n\nOpposition'), { start, end }],
    ['a figure corrected inside the quote', ARTICLE.replace('4.2 percent', '4.3 percent'), { start, end }],
    ['a word replaced inside the quote', ARTICLE.replace('had fallen', 'had dropped'), { start, end: end + 1 }],
    ['two words corrected and text inserted before', insertAt(ARTICLE.replace('had fallen to 4.2', 'has fallen to 4.1'), 0, 'Update: '), { start: start + 8, end: end + 8 }],
    ['an edit across the quote start', ARTICLE.replace('that inflation had', 'that the inflation had'), { start: start + 4, end: end + 4 }],
    ['spaces doubled inside the quote', ARTICLE.replace('fallen to 4.2', 'fallen  to\u00a04.2'), { start, end: end + 1 }],
    ['the quote deleted', ARTICLE.replace(`${QUOTE}, `, ''), null],
    ['the whole paragraph deleted', ARTICLE.replace(/The minister[^\n]*\n\n/, ''), null],
    ['the paragraph moved to the end', `${ARTICLE.replace(/The minister[^\n]*\n\n/, '')}\n\n${ARTICLE.match(/The minister[^\n]*/)![0]}`, 'moved'],
  ])('%s', (_name, edited, expected) => {
    const [result] = reanchorAll(ARTICLE, edited, [selectors]);
    if (expected === 'moved') {
      const at = edited.indexOf(QUOTE);
      expect(result).toEqual({ start: at, end: at + QUOTE.length });
    } else {
      expect(result).toEqual(expected);
      if (result) expect(edited.slice(result.start, result.end)).toContain(edited.slice(result.start, result.start + 5));
    }
    expect(result).toEqual(anchor(edited, selectors)); // these are all cases where anchor() is right
  });

  it('maps many claims at once, keeping each on its own words', () => {
    const quotes = ['Khamenei says', 'inflation had fallen', 'Critics argued', 'food prices', 'central bank declined', 'statistics office'];
    const claims = quotes.map((quote) => select(ARTICLE, quote));
    const edited = `Correction appended above.\n\n${ARTICLE.replace('food prices', 'food prises').replace('Opposition leaders', 'Opposition parties')}`;
    const results = reanchorAll(ARTICLE, edited, claims.map((claim) => claim.selectors));
    const texts = results.map((range) => range && edited.slice(range.start, range.end));
    expect(results).toEqual(claims.map((claim) => anchor(edited, claim.selectors)));
    expect(texts).toEqual(['Khamenei says', 'inflation had fallen', 'Critics argued', 'food prises', 'central bank declined', 'statistics office']);
  });
});

group('reanchorAll: duplicated phrases', () => {
  const REPEATED = 'The minister said the budget was balanced. Nobody believed it.\n\nLater, the minister said the budget was balanced. Nobody believed it.\n\nFinally the minister said the budget was balanced. Nobody believed it.';
  it.each([0, 1, 2])('keeps occurrence %i after text is inserted before it', (occurrence) => {
    const { selectors, start, end } = select(REPEATED, 'minister said the budget', occurrence);
    expect(reanchorAll(REPEATED, `Intro.\n\n${REPEATED}`, [selectors])).toEqual([{ start: start + 8, end: end + 8 }]);
  });

  it('does not move a corrected quote onto an untouched copy elsewhere', () => {
    const text = `${ARTICLE}\n\nQuoted again later: inflation had fallen to 4.2 percent in March, the lowest rate in three years. End.`;
    const { selectors, start, end } = select(text, QUOTE);
    const edited = text.replace('fallen to 4.2', 'fallen to 4.3'); // only the first occurrence
    const [result] = reanchorAll(text, edited, [selectors]);
    expect(result).toEqual({ start, end });
    expect(edited.slice(result!.start, result!.end)).toBe('inflation had fallen to 4.3 percent in March');
  });

  it('orphans a deleted short quote rather than taking the same words elsewhere', () => {
    const text = 'Alpha beta gamma. The vote passed. Delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi. The vote passed. Rho sigma.';
    const { selectors } = select(text, 'The vote passed');
    const edited = text.replace('Alpha beta gamma. The vote passed. ', 'Alpha beta gamma. ');
    const [result] = reanchorAll(text, edited, [selectors]);
    expect(result).toEqual(anchor(edited, selectors));
    if (result) expect(result.start).not.toBe(edited.indexOf('The vote passed')); // never silently the other copy with other context
  });
});

group('reanchorAll: Persian and emoji', () => {
  it('keeps Persian claims with ZWNJ on their words after edits before and inside', () => {
    const text = 'خامنه‌ای می‌گوید آمریکا داعش را ساخت و ایران آن را شکست داد.\n\nوزیر گفت که تورم در ماه مارس به ۴٫۲ درصد رسیده است و این کمترین نرخ در سه سال اخیر است.';
    const quote = 'تورم در ماه مارس به ۴٫۲ درصد رسیده است';
    const { selectors, start, end } = select(text, quote);
    const other = select(text, 'آمریکا داعش را ساخت');
    const edited = `خبر فوری: ${text.replace('۴٫۲', '۴٫۳').replace('می‌گوید', 'میگوید')}`;
    const results = reanchorAll(text, edited, [selectors, other.selectors]);
    expect(results[0]).toEqual({ start: start + 9, end: end + 9 });
    expect(edited.slice(results[1]!.start, results[1]!.end)).toBe('آمریکا داعش را ساخت');
    expect(results).toEqual([anchor(edited, selectors), anchor(edited, other.selectors)]);
  });

  it('counts positions in code points and returns UTF-16 offsets around emoji', () => {
    const text = 'Fans 🎉 cheered 👍🏽 as the team 🇮🇷 won the final.\n\nThe family 👨‍👩‍👧 watched 😀 from home all evening.';
    const claims = [select(text, 'the team 🇮🇷 won'), select(text, '👨‍👩‍👧 watched 😀 from')];
    const edited = `😀😀 ${text.replace('Fans', 'Many fans').replace('😀 from', '😁 from')}`;
    const results = reanchorAll(text, edited, claims.map((claim) => claim.selectors));
    expect(edited.slice(results[0]!.start, results[0]!.end)).toBe('the team 🇮🇷 won');
    expect(edited.slice(results[1]!.start, results[1]!.end)).toBe('👨‍👩‍👧 watched 😁 from');
    for (const range of results) {
      expect(() => codePointIndex(edited).toCodePoint(range!.start)).not.toThrow();
      expect(() => codePointIndex(edited).toCodePoint(range!.end)).not.toThrow();
    }
  });
});

group('reanchorAll: selector sets', () => {
  it('sends a set anchored at an older revision (position not holding its quote) to anchor()', () => {
    const older = `Old intro.\n\n${ARTICLE}`;
    const { selectors } = select(older, QUOTE); // positions count from the older text
    const edited = ARTICLE.replace('Opposition', 'The opposition');
    expect(reanchorAll(ARTICLE, edited, [selectors])).toEqual([anchor(edited, selectors)]);
  });

  it('maps a position-only selector through the edit, and orphans it when its text is deleted', () => {
    const { start, end } = select(ARTICLE, QUOTE);
    const position: Selector[] = [{ type: 'TextPositionSelector', start, end }];
    expect(reanchorAll(ARTICLE, `Intro.\n\n${ARTICLE}`, [position])).toEqual([{ start: start + 8, end: end + 8 }]);
    expect(reanchorAll(ARTICLE, ARTICLE.replace(QUOTE, ''), [position])).toEqual([null]);
  });

  it('returns one entry per set, in order, and an empty list for no sets', () => {
    expect(reanchorAll(ARTICLE, ARTICLE, [])).toEqual([]);
    const a = select(ARTICLE, 'Critics argued');
    const b = select(ARTICLE, 'Khamenei says');
    expect(reanchorAll(ARTICLE, ARTICLE, [a.selectors, b.selectors, []])).toEqual([{ start: a.start, end: a.end }, { start: b.start, end: b.end }, null]);
  });

  it('rejects bad input with a TypeError like anchor()', () => {
    const { selectors } = select(ARTICLE, QUOTE);
    expect(() => reanchorAll(null as unknown as string, ARTICLE, [selectors])).toThrow(/oldText must be a string/);
    expect(() => reanchorAll(ARTICLE, 42 as unknown as string, [selectors])).toThrow(/newText must be a string/);
    expect(() => reanchorAll(ARTICLE, ARTICLE, 'x' as unknown as Selector[][])).toThrow(TypeError);
    expect(() => reanchorAll(ARTICLE, ARTICLE, [selectors, 'x' as unknown as Selector[]])).toThrow(/selectors\[1\]: selectors must be an array/);
    expect(() => reanchorAll(ARTICLE, ARTICLE, [[{ type: 'TextQuoteSelector', exact: '' }]])).toThrow(TypeError);
    expect(() => reanchorAll(ARTICLE, ARTICLE, [[{ type: 'TextPositionSelector', start: 5, end: 2 }]])).toThrow(TypeError);
    expect(() => reanchorAll(ARTICLE, ARTICLE, [[null as unknown as Selector]])).toThrow(TypeError);
  });
});

group('reanchorAll: agreement with anchor() on random edits', () => {
  const random = seededRandom(2026);
  const vocabulary = 'minister said inflation fell percent critics replied exports doubled officials report budget vote parliament Tehran حکومت می‌خواهم 🎉 2019 according economy prices central bank review data office'.split(' ');
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)]!;

  it('keeps every untouched claim on its words and agrees with anchor() where anchor() is right', () => {
    let checked = 0;
    for (let round = 0; round < 12; round += 1) {
      const paragraphs = Array.from({ length: 30 }, () => Array.from({ length: 40 }, word).join(' '));
      const text = paragraphs.join('\n\n');
      const claims = Array.from({ length: 40 }, () => {
        const from = text.indexOf(' ', Math.floor(random() * (text.length - 200))) + 1;
        const to = text.indexOf(' ', from + 30 + Math.floor(random() * 60));
        return { from, to, selectors: describe(text, from, to) as Selector[] };
      });
      // Random edits at word boundaries, tracking where each untouched claim must land.
      let edited = text;
      const truth: Array<TextRange | null> = claims.map(({ from, to }) => ({ start: from, end: to }));
      for (let e = 0; e < 8; e += 1) {
        const at = edited.indexOf(' ', Math.floor(random() * edited.length));
        if (at === -1) continue;
        const cut = random() < 0.5 ? 0 : Math.max(0, edited.indexOf(' ', at + 1) - at);
        const added = random() < 0.3 ? '' : ` ${word()} ${word()}`;
        edited = edited.slice(0, at) + added + edited.slice(at + cut);
        truth.forEach((range, i) => {
          if (!range) return;
          if (at + cut < range.start) truth[i] = { start: range.start + added.length - cut, end: range.end + added.length - cut };
          else if (at > range.end) return;
          else truth[i] = null; // touched: its words changed
        });
      }
      const results = reanchorAll(text, edited, claims.map((claim) => claim.selectors));
      results.forEach((result, i) => {
        const expected = truth[i];
        const byAnchor = anchor(edited, claims[i]!.selectors);
        if (expected) {
          expect(result, `round ${round} claim ${i}`).toEqual(expected);
          if (byAnchor && byAnchor.start === expected.start && byAnchor.end === expected.end) checked += 1;
        } else {
          expect(result, `round ${round} claim ${i} (edited)`).toEqual(byAnchor);
        }
      });
    }
    expect(checked).toBeGreaterThan(300);
  });
});

group('anchor() and describe() with a prebuilt code point index', () => {
  const text = `😀 ${ARTICLE}`;
  const index = codePointIndex(text);
  it('gives the same answers as without one', () => {
    const start = text.indexOf(QUOTE);
    const selectors = describe(text, start, start + QUOTE.length, index);
    expect(selectors).toEqual(describe(text, start, start + QUOTE.length));
    expect(anchor(text, selectors, index)).toEqual(anchor(text, selectors));
    expect(anchor(text, selectors, index)).toEqual({ start, end: start + QUOTE.length });
  });
  it('rejects an index of another text or something else with a TypeError', () => {
    const start = text.indexOf(QUOTE);
    const selectors = describe(text, start, start + QUOTE.length);
    expect(() => anchor(text, selectors, codePointIndex(ARTICLE))).toThrow(/index was built for a text of/);
    expect(() => describe(text, start, start + 3, codePointIndex(ARTICLE))).toThrow(TypeError);
    expect(() => anchor(text, selectors, {} as ReturnType<typeof codePointIndex>)).toThrow(/must be a CodePointIndex/);
  });
});

group('reanchorAll with prepared changes and indexes', () => {
  it('gives the same answers with the caller’s diff and indexes', () => {
    const claims = ['Khamenei says', QUOTE, 'statistics office'].map((quote) => select(ARTICLE, quote).selectors);
    const edited = `😀 Intro.\n\n${ARTICLE.replace('4.2', '4.3')}`;
    const changes = diffText(ARTICLE, edited);
    const prepared = { changes, oldIndex: codePointIndex(ARTICLE), newIndex: codePointIndex(edited) };
    expect(reanchorAll(ARTICLE, edited, claims, prepared)).toEqual(reanchorAll(ARTICLE, edited, claims));
  });
  it('rejects changes that do not turn the old text into the new one, and indexes of other texts', () => {
    const { selectors } = select(ARTICLE, QUOTE);
    expect(() => reanchorAll(ARTICLE, `x${ARTICLE}`, [selectors], { changes: [] })).toThrow(/do not turn oldText into newText/);
    expect(() => reanchorAll(ARTICLE, `x${ARTICLE}`, [selectors], { changes: [{ from: 5, to: 5, insert: 'x' }, { from: 1, to: 1, insert: '' }] })).toThrow(TypeError);
    expect(() => reanchorAll(ARTICLE, `x${ARTICLE}`, [selectors], { newIndex: codePointIndex(ARTICLE) })).toThrow(/index was built for/);
  });
});
