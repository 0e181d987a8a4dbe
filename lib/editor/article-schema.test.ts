import { describe, expect, it } from 'vitest';
import { checkArticleDoc, InvalidArticleDocError, MAX_ARTICLE_TEXT_CHARS } from './article-schema';
import { plainTextToDocJson } from './doc-text';

describe('checkArticleDoc', () => {
  it('accepts an imported article and returns its text', () => {
    expect(checkArticleDoc(plainTextToDocJson('First paragraph.\n\nSecond, with a\nline break.'))).toBe('First paragraph.\n\nSecond, with a\nline break.');
  });
  it.each([
    ['an unknown node', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] }],
    ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] }] }],
    ['text directly in the doc', { type: 'doc', content: [{ type: 'text', text: 'loose' }] }],
    ['not a doc', { type: 'paragraph' }],
  ])('refuses %s with a clear message', (_name, doc) => {
    expect(() => checkArticleDoc(doc)).toThrow(InvalidArticleDocError);
    expect(() => checkArticleDoc(doc)).toThrow(/not a valid document/);
  });
  it('refuses an article over the size limit', () => {
    const huge = plainTextToDocJson('x'.repeat(MAX_ARTICLE_TEXT_CHARS + 1));
    expect(() => checkArticleDoc(huge)).toThrow(/too long/);
  });
});
