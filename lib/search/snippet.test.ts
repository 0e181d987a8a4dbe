import { describe, expect, it } from 'vitest';
import { fold, MAX_SNIPPET_CHARS, parseSnippet, substringSnippet, wordSnippet } from './snippet';

describe('parseSnippet', () => {
  it('turns sentinel marks into parts and never leaks them', () => {
    expect(parseSnippet('a \u0002b\u0003 c')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(parseSnippet('\u0003x\u0002y')).toEqual([
      { text: 'x', match: false },
      { text: 'y', match: true },
    ]);
    expect(parseSnippet('title\noutlet', { fieldSeparator: ' · ' })).toEqual([{ text: 'title · outlet', match: false }]);
    expect(parseSnippet('')).toEqual([]);
    const long = parseSnippet('x'.repeat(1000));
    expect(long[0]!.text.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS + 1);
  });
});

describe('wordSnippet', () => {
  it('marks whole words, prefixes, case and diacritics folded, keeping the text as it is', () => {
    const parts = wordSnippet('Before <b>bold</b> the Café raised INFLATION; inflationary.', [
      { word: 'cafe', prefix: false },
      { word: 'inflation', prefix: false },
    ]);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Café', 'INFLATION']);
    expect(parts.map((p) => p.text).join('')).toBe('Before <b>bold</b> the Café raised INFLATION; inflationary.');
    expect(wordSnippet('inflationary', [{ word: 'infla', prefix: true }]).filter((p) => p.match)).toHaveLength(1);
    expect(wordSnippet('تورم در تهران', [{ word: 'تورم', prefix: false }])[0]).toEqual({ text: 'تورم', match: true });
  });

  it('shows a window around the first match with ellipses', () => {
    const body = `${'lorem '.repeat(100)}needle ${'ipsum '.repeat(100)}`;
    const parts = wordSnippet(body, [{ word: 'needle', prefix: false }]);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(parts.some((p) => p.match && p.text === 'needle')).toBe(true);
    expect(wordSnippet('no match here', [{ word: 'x', prefix: false }])).toEqual([{ text: 'no match here', match: false }]);
  });
});

describe('substringSnippet', () => {
  it('marks substrings case-insensitively, overlapping ones merged', () => {
    const parts = substringSnippet('والتضخم بلغ Hyperinflation', ['التضخم', 'inflation', 'perinf']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['التضخم', 'perinflation']);
    expect(substringSnippet('abc', [''])).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('fold', () => {
  it('folds case and combining marks', () => {
    expect(fold('ÉTÉ')).toBe('ete');
    expect(fold('مُحَمَّد')).toBe('محمد');
  });
});
