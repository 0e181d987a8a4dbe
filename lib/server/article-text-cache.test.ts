import { describe, expect, it } from 'vitest';
import { ArticleTextCache, getArticleTextCache } from './article-text-cache';

describe('ArticleTextCache', () => {
  it('keys entries by article and revision: another revision is a miss', () => {
    const cache = new ArticleTextCache();
    const entry = cache.set('a1', 3, 'Hello world');
    expect(cache.get('a1', 3)).toBe(entry);
    expect(cache.get('a1', 3)?.text).toBe('Hello world');
    expect(cache.get('a1', 2)).toBeUndefined();
    expect(cache.get('a1', 4)).toBeUndefined();
    expect(cache.get('a2', 3)).toBeUndefined();
  });

  it('keeps one revision per article: a newer one replaces it, an older one is returned but not kept', () => {
    const cache = new ArticleTextCache();
    cache.set('a1', 1, 'first text');
    cache.set('a1', 2, 'second text');
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.get('a1', 2)?.text).toBe('second text');
    expect(cache.size).toBe(1);
    expect(cache.totalChars).toBe('second text'.length);
    const stale = cache.set('a1', 1, 'first text');
    expect(stale).toMatchObject({ articleId: 'a1', revision: 1, text: 'first text' });
    expect(cache.get('a1', 2)?.text).toBe('second text');
    expect(cache.get('a1', 1)).toBeUndefined();
  });

  it('replaces a different text kept under the same revision (a database restored under a running process)', () => {
    const cache = new ArticleTextCache();
    cache.set('a', 3, 'in 1999 it rose');
    expect(cache.set('a', 3, 'in 2000 it rose').text).toBe('in 2000 it rose');
    expect(cache.get('a', 3)?.text).toBe('in 2000 it rose');
  });

  it('builds the code-point index of the text (emoji count as one code point)', () => {
    const cache = new ArticleTextCache();
    const { index } = cache.set('a1', 1, 'a😀b حکومت');
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.codePointLength).toBe('a😀b حکومت'.length - 1);
    expect(() => index.toCodePoint(2)).toThrow(RangeError);
  });

  it('evicts the least recently used article past the entry cap', () => {
    const cache = new ArticleTextCache({ maxEntries: 2 });
    cache.set('a1', 1, 'one');
    cache.set('a2', 1, 'two');
    cache.get('a1', 1); // a1 is now the most recent
    cache.set('a3', 1, 'three');
    expect(cache.get('a2', 1)).toBeUndefined();
    expect(cache.get('a1', 1)?.text).toBe('one');
    expect(cache.get('a3', 1)?.text).toBe('three');
    expect(cache.size).toBe(2);
  });

  it('evicts past the character budget, and never keeps a text larger than the whole budget', () => {
    const cache = new ArticleTextCache({ maxChars: 10 });
    cache.set('a1', 1, '12345');
    cache.set('a2', 1, '123456');
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.totalChars).toBe(6);
    const huge = cache.set('a3', 1, 'x'.repeat(11));
    expect(huge.text).toHaveLength(11);
    expect(cache.get('a3', 1)).toBeUndefined();
    expect(cache.get('a2', 1)?.text).toBe('123456');
    expect(cache.totalChars).toBe(6);
  });

  it('forgets an article, and clears', () => {
    const cache = new ArticleTextCache();
    cache.set('a1', 1, 'one');
    cache.set('a2', 1, 'two');
    cache.delete('a1');
    cache.delete('missing');
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.totalChars).toBe(3);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.totalChars).toBe(0);
  });

  it('refuses nonsense limits, and a zero-entry cache keeps nothing', () => {
    expect(() => new ArticleTextCache({ maxEntries: -1 })).toThrow(RangeError);
    expect(() => new ArticleTextCache({ maxEntries: 1.5 })).toThrow(RangeError);
    expect(() => new ArticleTextCache({ maxChars: Number.NaN })).toThrow(RangeError);
    const none = new ArticleTextCache({ maxEntries: 0 });
    expect(none.set('a1', 1, 'text').text).toBe('text');
    expect(none.get('a1', 1)).toBeUndefined();
  });

  it('is one cache per process', () => {
    expect(getArticleTextCache()).toBe(getArticleTextCache());
  });
});
