import { describe, expect, it } from 'vitest';
import { coveredByClaim, languageNotice, percentOf, reasonEffect, runPercent, runStatusText, stepSuggestion, visibleSuggestions } from './suggestion-rules';
import type { RunView, SuggestionView } from './types';

const TEXT = 'The minister said 40% of roads were repaired. I think it rained. Prices doubled in 2024.';
const s = (id: string, quote: string, over: Partial<SuggestionView> = {}): SuggestionView => {
  const start = TEXT.indexOf(quote);
  return { id, version: 1, start, end: start + quote.length, quote, score: 0.7, reasons: [], claimant: '', state: 'open', ...over };
};
const run = (over: Partial<RunView> = {}): RunView => ({ id: 'r', status: 'done', revision: 1, sentencesTotal: 10, sentencesDone: 10, progress: 1, language: 'en', languageSupport: 'full', unsupportedCues: [], chunkedSentences: 0, error: null, ...over });

describe('coveredByClaim', () => {
  it.each([
    ['the same range', { start: 10, end: 20 }, { start: 10, end: 20 }, true],
    ['a claim inside the sentence', { start: 10, end: 40 }, { start: 15, end: 18 }, true],
    ['a claim covering more than the sentence', { start: 10, end: 20 }, { start: 0, end: 30 }, true],
    ['half of the sentence from outside', { start: 10, end: 20 }, { start: 0, end: 15 }, true],
    ['less than half from outside', { start: 10, end: 20 }, { start: 0, end: 14 }, false],
    ['touching only', { start: 10, end: 20 }, { start: 20, end: 30 }, false],
    ['apart', { start: 10, end: 20 }, { start: 40, end: 50 }, false],
    ['an empty claim range', { start: 10, end: 20 }, { start: 12, end: 12 }, false],
  ])('%s', (_name, sentence, claim, expected) => {
    expect(coveredByClaim(sentence, claim)).toBe(expected);
  });
});

describe('visibleSuggestions', () => {
  const a = s('a', 'The minister said 40% of roads were repaired.');
  const b = s('b', 'Prices doubled in 2024.');
  it.each([
    ['open ones in reading order', [b, a], [], ['a', 'b']],
    ['not one a claim covers', [a, b], [{ start: b.start, end: b.end }], ['a']],
    ['not one with a claim on part of it', [a, b], [{ start: a.start + 4, end: a.start + 12 }], ['b']],
    ['not one whose words are elsewhere (another revision)', [a, { ...b, start: b.start + 1, end: b.end + 1 }], [], ['a']],
    ['not one past the end of the text', [{ ...b, start: 200, end: 210 }], [], []],
    ['not a dismissed or accepted one', [{ ...a, state: 'dismissed' as const }, { ...b, state: 'accepted' as const }], [], []],
  ])('%s', (_name, list, claims, ids) => {
    expect(visibleSuggestions(list, TEXT, claims).map((x) => x.id)).toEqual(ids);
  });
});

describe('stepSuggestion', () => {
  it.each([
    [['a', 'b', 'c'], null, 1, 'a'],
    [['a', 'b', 'c'], null, -1, 'c'],
    [['a', 'b', 'c'], 'a', 1, 'b'],
    [['a', 'b', 'c'], 'c', 1, 'a'],
    [['a', 'b', 'c'], 'a', -1, 'c'],
    [['a', 'b', 'c'], 'gone', 1, 'a'],
    [[], null, 1, null],
  ] as const)('%j from %s by %d → %s', (ids, current, direction, expected) => {
    expect(stepSuggestion(ids, current, direction)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    [0.724, 72],
    [0.005, 1],
    [1.2, 100],
    [-1, 0],
    [Number.NaN, 0],
  ])('percentOf(%d) = %d', (score, expected) => {
    expect(percentOf(score)).toBe(expected);
  });

  it('says which cues lower the score', () => {
    expect(reasonEffect('hedge')).toBe('lowers');
    expect(reasonEffect('question')).toBe('lowers');
    expect(reasonEffect('number')).toBe('raises');
    expect(reasonEffect('attribution')).toBe('raises');
  });

  it.each([
    ['full support', run(), null, null],
    ['Persian with its own cues', run({ language: 'fa', languageSupport: 'full' }), null, null],
    ['partial, Persian', run({ language: 'fa', languageSupport: 'partial' }), null, /^Persian text: using language-independent cues only/],
    ['partial, unknown script', run({ language: 'und', languageSupport: 'partial' }), null, /^Text in a language the scorer does not know: using language-independent cues only/],
    ['no run, partial from the list', null, 'partial' as const, /language-independent cues only/],
  ])('languageNotice: %s', (_name, r, support, expected) => {
    const notice = languageNotice(r, support);
    if (expected === null) expect(notice).toBeNull();
    else expect(notice).toMatch(expected);
  });

  it.each([
    [null, 0, 'Not run on this article yet.'],
    [run({ status: 'running', sentencesDone: 4, sentencesTotal: 10, progress: 0.405 }), 0, 'Finding claims… 40% (4 sentences scored)'],
    [run({ status: 'running', sentencesDone: 0, sentencesTotal: 0, progress: 0 }), 0, 'Finding claims… 0%'],
    [run({ status: 'failed', error: 'The text changed while it ran.' }), 0, 'Find claims failed: The text changed while it ran.'],
    [run({ status: 'done' }), 0, 'No sentences to suggest.'],
    [run({ status: 'done' }), 1, '1 sentence worth checking.'],
    [run({ status: 'done' }), 7, '7 sentences worth checking.'],
  ])('runStatusText %#', (r, count, expected) => {
    expect(runStatusText(r, count)).toBe(expected);
  });

  it('rounds progress down and caps it', () => {
    expect(runPercent({ progress: 2 / 3 })).toBe(66);
    expect(runPercent({ progress: 1.5 })).toBe(100);
    expect(runPercent({ progress: 0 })).toBe(0);
    expect(runPercent({ progress: Number.NaN })).toBe(0);
  });
});
