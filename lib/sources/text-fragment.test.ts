import { describe, expect, it } from 'vitest';
import { MAX_EXACT_CHARS, collapseWhitespace, encodeTerm, textDirective, textDirectiveParts, textFragmentUrl } from './text-fragment';

/** Splits a `#:~:text=` value back into its terms the way the spec's parser does (decoded). */
function parseDirective(url: string): { prefix: string | null; textStart: string; textEnd: string | null; suffix: string | null } {
  const value = url.slice(url.indexOf(':~:text=') + ':~:text='.length);
  expect(value).not.toMatch(/[&#\s]/);
  const terms = value.split(',');
  const prefix = terms[0]?.endsWith('-') ? decodeURIComponent(terms.shift()!.slice(0, -1)) : null;
  const suffix = terms.at(-1)?.startsWith('-') ? decodeURIComponent(terms.pop()!.slice(1)) : null;
  expect(terms.length === 1 || terms.length === 2).toBe(true);
  for (const term of terms) expect(term).not.toMatch(/^-|-$/);
  return { prefix, textStart: decodeURIComponent(terms[0]!), textEnd: terms[1] === undefined ? null : decodeURIComponent(terms[1]), suffix };
}

describe('textFragmentUrl', () => {
  it('links an exact passage', () => {
    expect(textFragmentUrl('https://example.org/report', { exact: 'unemployment fell' })).toBe('https://example.org/report#:~:text=unemployment%20fell');
  });

  it('adds prefix- and -suffix context', () => {
    const url = textFragmentUrl('https://example.org/r', { exact: 'fell to 9%', prefix: 'In 2023 unemployment', suffix: 'according to' });
    expect(url).toBe('https://example.org/r#:~:text=In%202023%20unemployment-,fell%20to%209%25,-according%20to');
    expect(parseDirective(url!)).toEqual({ prefix: 'In 2023 unemployment', textStart: 'fell to 9%', textEnd: null, suffix: 'according to' });
  });

  it("percent-encodes the directive's syntax characters '-', ',' and '&' inside terms", () => {
    const url = textFragmentUrl('https://example.org/', { exact: 'well-known, tried & tested', prefix: 'a-b', suffix: 'c,d&e' })!;
    expect(url).toBe('https://example.org/#:~:text=a%2Db-,well%2Dknown%2C%20tried%20%26%20tested,-c%2Cd%26e');
    expect(parseDirective(url)).toEqual({ prefix: 'a-b', textStart: 'well-known, tried & tested', textEnd: null, suffix: 'c,d&e' });
    expect(encodeTerm('-,&#% "<>`')).toBe('%2D%2C%26%23%25%20%22%3C%3E%60');
  });

  it('encodes non-ASCII text as UTF-8 (Persian with ZWNJ, emoji)', () => {
    const exact = 'نرخ بی‌کاری 🚀';
    const url = textFragmentUrl('https://amar.example.ir/x', { exact })!;
    expect(url).toMatch(/^https:\/\/amar\.example\.ir\/x#:~:text=[A-Za-z0-9%._!~*'()]+$/);
    expect(parseDirective(url).textStart).toBe(exact);
    expect(url).toContain('%E2%80%8C'); // the ZWNJ stays: it is part of the word
  });

  it('collapses whitespace (line breaks, tabs, NBSP) as a rendered page reads', () => {
    expect(textFragmentUrl('https://e.org/', { exact: '  fell\t\tto\u00a0 9 per cent  ', prefix: ' in \n 2023 ', suffix: '' })).toBe(
      'https://e.org/#:~:text=in%202023-,fell%20to%209%20per%20cent',
    );
    expect(collapseWhitespace(' a \n\n b\u00a0c ')).toBe('a b c');
  });

  it('links a long passage as textStart,textEnd of a few words each', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const exact = `${words.join(' ')}.`;
    expect(exact.length).toBeGreaterThan(MAX_EXACT_CHARS);
    const url = textFragmentUrl('https://e.org/a', { exact, prefix: 'one two three four five', suffix: 'six seven eight nine' })!;
    expect(parseDirective(url)).toEqual({ prefix: 'three four five', textStart: 'word0 word1 word2 word3', textEnd: 'word76 word77 word78 word79.', suffix: 'six seven eight' });
    expect(url.length).toBeLessThan(150);
  });

  it('keeps a passage of exactly MAX_EXACT_CHARS as an exact match', () => {
    const exact = 'ab '.repeat(MAX_EXACT_CHARS / 3).trim() + 'x';
    expect(exact.length).toBe(MAX_EXACT_CHARS);
    expect(textDirectiveParts({ exact })?.textEnd).toBe('');
    expect(textDirectiveParts({ exact: `${exact}y` })?.textEnd).not.toBe('');
  });

  it('links a passage across paragraphs as a range (an exact match cannot span blocks)', () => {
    expect(textDirectiveParts({ exact: 'First paragraph ends here.\n\nSecond one starts' })).toEqual({
      prefix: '',
      textStart: 'First paragraph ends here.',
      textEnd: 'Second one starts',
      suffix: '',
    });
    // Neither term reaches into the other block.
    expect(textDirectiveParts({ exact: 'Alpha beta\n\nGamma delta epsilon zeta eta' })).toMatchObject({ textStart: 'Alpha beta', textEnd: 'delta epsilon zeta eta' });
    // Few words: split between start and end without overlapping.
    expect(textDirectiveParts({ exact: 'Alpha\nBeta' })).toEqual({ prefix: '', textStart: 'Alpha', textEnd: 'Beta', suffix: '' });
    // One long word (no boundary to split at): stays exact.
    const one = 'x'.repeat(MAX_EXACT_CHARS + 10);
    expect(textDirectiveParts({ exact: one })).toEqual({ prefix: '', textStart: one, textEnd: '', suffix: '' });
  });

  it('splits scripts without spaces at word boundaries (Intl.Segmenter)', () => {
    const exact = '今日は良い天気です。'.repeat(40);
    const parts = textDirectiveParts({ exact })!;
    expect(parts.textEnd).not.toBe('');
    expect(exact.startsWith(parts.textStart)).toBe(true);
    expect(exact.endsWith(parts.textEnd)).toBe(true);
    expect(parts.textStart.length).toBeLessThan(30);
  });

  it('appends to an existing fragment with :~: and replaces an existing text directive', () => {
    expect(textFragmentUrl('https://e.org/p?q=1#section-2', { exact: 'x' })).toBe('https://e.org/p?q=1#section-2:~:text=x');
    expect(textFragmentUrl('https://e.org/p#sec:~:text=old&text=older', { exact: 'new' })).toBe('https://e.org/p#sec:~:text=new');
    expect(textFragmentUrl('https://e.org/p#:~:text=old', { exact: 'new' })).toBe('https://e.org/p#:~:text=new');
    expect(textFragmentUrl('https://e.org/p#', { exact: 'new' })).toBe('https://e.org/p#:~:text=new');
  });

  it('returns the URL without a directive when there is no passage', () => {
    expect(textFragmentUrl('https://e.org/p', { exact: '' })).toBe('https://e.org/p');
    expect(textFragmentUrl('https://e.org/p#top', { exact: ' \n\t ' })).toBe('https://e.org/p#top');
    expect(textFragmentUrl('https://E.org', null)).toBe('https://e.org/');
    expect(textDirective({ exact: '   ', prefix: 'a', suffix: 'b' })).toBeNull();
  });

  it('returns null for anything but an absolute http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x', 'mailto:a@b.c', '/relative/path', 'example.org/x', 'https://exa mple.org', 'http://', '', '   ', 'https://e.org/\nx']) {
      expect(textFragmentUrl(bad, { exact: 'x' }), bad).toBeNull();
    }
    expect(textFragmentUrl(null, { exact: 'x' })).toBeNull();
    expect(textFragmentUrl(undefined, { exact: 'x' })).toBeNull();
    expect(textFragmentUrl(42 as unknown as string, { exact: 'x' })).toBeNull();
  });

  it('survives bad passage input: lone surrogates, non-string exact, missing context', () => {
    expect(textFragmentUrl('https://e.org/', { exact: 'a\ud800b' })).toBe('https://e.org/#:~:text=a%EF%BF%BDb');
    expect(textFragmentUrl('https://e.org/', { exact: 5 as unknown as string })).toBe('https://e.org/');
    expect(textFragmentUrl('https://e.org/', { exact: 'x', prefix: undefined, suffix: undefined })).toBe('https://e.org/#:~:text=x');
  });

  it('keeps only the context words nearest the passage', () => {
    const parts = textDirectiveParts({ exact: 'x', prefix: 'a b c d e f', suffix: 'g h i j k' })!;
    expect(parts.prefix).toBe('d e f');
    expect(parts.suffix).toBe('g h i');
  });
});
