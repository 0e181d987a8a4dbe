import { describe, expect, it } from 'vitest';
import { CANDIDATE_MAX_FUZZY, contextAfter, contextBefore, findQuoteCandidates, type QuoteCandidateStats } from './candidates';
import { splitsSurrogatePair } from './code-points';

const TEXT = [
  'The minister said on Tuesday that inflation had fallen to 4.2 percent in March, the lowest rate in three years.',
  'Critics argued that the figures ignored food prices, which rose sharply across the country.',
  'Independent economists estimated real inflation closer to 9 percent, well above the official figure.',
].join('\n\n');

describe('findQuoteCandidates', () => {
  it('ranks the verbatim occurrence first, with its words and the words around it', () => {
    const exact = 'food prices, which rose sharply';
    const found = findQuoteCandidates(TEXT, { exact, prefix: 'the figures ignored ', suffix: ' across the country' });
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    expect(first.start).toBe(TEXT.indexOf(exact));
    expect(first.end).toBe(first.start + exact.length);
    expect(first.exact).toBe(exact);
    expect(first.before.endsWith('the figures ignored ')).toBe(true);
    expect(first.after.startsWith(' across the country')).toBe(true);
    expect(first.score).toBeGreaterThan(0.95);
    expect(found.length).toBeLessThanOrEqual(3);
  });

  it('prefers the occurrence whose context matches when the words recur', () => {
    const text = 'Alpha said prices rose sharply in May. Beta said prices rose sharply in June.';
    const found = findQuoteCandidates(text, { exact: 'prices rose sharply', prefix: 'Beta said ', suffix: ' in June' });
    expect(found.map((c) => c.start)).toEqual([text.lastIndexOf('prices rose sharply'), text.indexOf('prices rose sharply')]);
  });

  it('still finds a reworded quote, where anchor() would give up', () => {
    const old = 'inflation had dropped to 4.2 per cent in March';
    const found = findQuoteCandidates(TEXT, { exact: old, prefix: 'on Tuesday that ', suffix: ', the lowest' });
    expect(found[0]?.exact).toBe('inflation had fallen to 4.2 percent in March');
    expect(found[0]!.score).toBeLessThan(1);
  });

  it('takes in all the reworded words when they grew, up to the recorded context', () => {
    const before = 'Critics replied that the figure ignores people who stopped looking for work.\n\nThe ministry also';
    const after = before.replace('the figure ignores people who stopped looking for work', 'the figures ignore everyone who has stopped looking for a job');
    const found = findQuoteCandidates(after, { exact: 'the figure ignores people who stopped looking for work', prefix: 'Critics replied that ', suffix: '.\n\nThe ministry also' });
    expect(found[0]?.exact).toBe('the figures ignore everyone who has stopped looking for a job');
  });

  it('finds nothing when the words are gone', () => {
    expect(findQuoteCandidates(TEXT, { exact: 'zebras quietly juggling xylophones underwater', prefix: '', suffix: '' })).toEqual([]);
    expect(findQuoteCandidates('', { exact: 'anything', prefix: '', suffix: '' })).toEqual([]);
    expect(findQuoteCandidates(TEXT, { exact: '   ', prefix: '', suffix: '' })).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => findQuoteCandidates(null as unknown as string, { exact: 'x' })).toThrow(TypeError);
    expect(() => findQuoteCandidates(TEXT, null as unknown as { exact: string })).toThrow(TypeError);
    expect(() => findQuoteCandidates(TEXT, { exact: 42 } as unknown as { exact: string })).toThrow(TypeError);
    // Odd options fall back to defaults rather than throwing.
    const found = findQuoteCandidates(TEXT, { exact: 'food prices' }, { limit: Number.NaN, hint: -5, contextLength: Infinity, minScore: Number.NaN });
    expect(found[0]?.exact).toBe('food prices');
    expect(findQuoteCandidates(TEXT, { exact: 'food prices' }, { limit: 0 })).toEqual([]);
  });

  it('never splits a surrogate pair, in the candidate or its context', () => {
    const text = `${'😀'.repeat(40)} the price of 🍞 bread went up 😀 by 10 percent ${'🎉'.repeat(40)}`;
    const found = findQuoteCandidates(text, { exact: 'the price of 🍞 bread went up 😀 by ten percent' });
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(splitsSurrogatePair(text, c.start)).toBe(false);
      expect(splitsSurrogatePair(text, c.end)).toBe(false);
      expect(text.slice(c.start, c.end)).toBe(c.exact);
      expect(text.slice(c.start - c.before.length, c.start)).toBe(c.before);
      expect(text.slice(c.end, c.end + c.after.length)).toBe(c.after);
    }
    expect(found[0]!.exact.startsWith('the price of 🍞')).toBe(true);
  });

  it('collapses overlapping hits into one candidate and returns at most `limit`', () => {
    const text = 'rose sharply rose sharply rose sharply. Later: rose sharply. Then: rose sharpl. And rose sharply again.';
    const found = findQuoteCandidates(text, { exact: 'rose sharply' }, { limit: 10 });
    for (let i = 0; i < found.length; i += 1) {
      for (let j = i + 1; j < found.length; j += 1) {
        const [a, b] = [found[i]!, found[j]!];
        expect(a.start < b.end && b.start < a.end).toBe(false);
      }
    }
    // Five verbatim places plus the misspelt one.
    expect(found.length).toBe(6);
    expect(findQuoteCandidates(text, { exact: 'rose sharply' })).toHaveLength(3);
    const scores = found.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('findQuoteCandidates on a long text', () => {
  /** A ~600,000-unit text with thousands of near-misses of the quote, and the reworded quote once, in its old context. */
  function longText(): { text: string; target: number } {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const subjects = ['deflation', 'inflammation', 'infiltration', 'inflection'];
    const verbs = ['has risen', 'was falling', 'had climbed', 'has stalled'];
    const paragraphs: string[] = [];
    let length = 0;
    let target = -1;
    while (length < 600_000) {
      let paragraph: string;
      if (target === -1 && length > 300_000) {
        const before = 'The minister said on Tuesday that ';
        target = length + before.length;
        paragraph = `${before}inflation had fallen to 4.2 per cent in March, the lowest rate in three years.`;
      } else {
        const subject = subjects[Math.floor(random() * subjects.length)];
        const verb = verbs[Math.floor(random() * verbs.length)];
        const rate = `${Math.floor(random() * 9) + 1}.${Math.floor(random() * 10)}`;
        paragraph = `Analysts noted that ${subject} ${verb} to ${rate} percent over the period, according to the survey.`;
      }
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    return { text: paragraphs.join('\n\n'), target };
  }

  it('bounds the work by the matches kept, not the text length, and still finds the quote', () => {
    const { text, target } = longText();
    expect(text.length).toBeGreaterThan(600_000);
    const stats: QuoteCandidateStats = { fuzzyMatches: 0, fuzzyKept: 0, contextSearches: 0, contextSearchedUnits: 0, scored: 0 };
    const found = findQuoteCandidates(
      text,
      { exact: 'inflation had fallen to 4.2 percent', prefix: 'The minister said on Tuesday that ', suffix: ' in March, the lowest rate' },
      { stats },
    );

    // Many more near-misses than are kept: the cap is what bounds the work.
    expect(stats.fuzzyMatches).toBeGreaterThan(CANDIDATE_MAX_FUZZY * 5);
    expect(stats.fuzzyKept).toBeLessThanOrEqual(CANDIDATE_MAX_FUZZY);
    // At most two looks for the context per kept match, each over a window of a few dozen units (never the whole text).
    expect(stats.contextSearches).toBeLessThanOrEqual(2 * stats.fuzzyKept);
    expect(stats.contextSearchedUnits).toBeLessThanOrEqual(stats.contextSearches * 200);
    expect(stats.scored).toBeLessThanOrEqual(CANDIDATE_MAX_FUZZY);

    expect(found[0]).toMatchObject({ start: target, exact: 'inflation had fallen to 4.2 per cent' });
    expect(found[0]?.score).toBeGreaterThan(0.8);
  });

  it('reports no context searches when the quote is found verbatim only', () => {
    const stats: QuoteCandidateStats = { fuzzyMatches: -1, fuzzyKept: -1, contextSearches: -1, contextSearchedUnits: -1, scored: -1 };
    findQuoteCandidates('a cat sat', { exact: 'cat' }, { stats });
    expect(stats).toEqual({ fuzzyMatches: 0, fuzzyKept: 0, contextSearches: 0, contextSearchedUnits: 0, scored: 1 });
  });
});

describe('context helpers', () => {
  it('cut at a word boundary', () => {
    expect(contextBefore('one two three four', 14, 9)).toBe('three ');
    expect(contextAfter('one two three four', 3, 9)).toBe(' two');
    expect(contextBefore('abc', 0, 10)).toBe('');
    expect(contextAfter('abc', 3, 10)).toBe('');
  });
  it('stay within the paragraph', () => {
    expect(contextBefore('First one.\n\nSecond one', 19, 30)).toBe('Second ');
    expect(contextAfter('one two\n\nthree', 3, 30)).toBe(' two');
  });
});
