import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { jsonDocToText } from '@/lib/editor/doc-text';
import { cleanDoc, cleanText, htmlToDoc, untrustedHtmlToDoc } from './html-to-doc';

const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });

describe('htmlToDoc', { timeout: 30_000 }, () => {
  it('collapses whitespace as a browser shows it', () => {
    const doc = htmlToDoc('<p>  one \n\t two   <strong> three </strong>\n</p>');
    expect(jsonDocToText(doc)).toBe('one two three');
  });

  it('keeps headings, nested lists, quotes and marks, in the editor’s JSON', () => {
    const doc = htmlToDoc('<h3>Head</h3><ul><li>a<ol start="2"><li>b</li></ol></li></ul><blockquote><p>q <em>i</em> <s>s</s></p></blockquote><p><a href="https://e.example/">l</a></p>');
    expect(doc.content![0]).toEqual({ type: 'heading', attrs: { level: 3 }, content: [t('Head')] });
    expect(doc.content![1]!.content![0]!.content![1]).toMatchObject({ type: 'orderedList', attrs: { start: 2 } });
    expect(doc.content![2]).toEqual({ type: 'blockquote', content: [p(t('q '), t('i', [{ type: 'italic' }]), t(' '), t('s', [{ type: 'strike' }]))] });
    expect(doc.content![3]).toEqual(p(t('l', [{ type: 'link', attrs: { href: 'https://e.example/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }])));
    expect(checkArticleDoc(doc).sameAsInput).toBe(true);
    expect(jsonDocToText(doc)).toBe('Head\n\na\n\nb\n\nq i s\n\nl');
  });

  it('drops empty paragraphs, headings, items, lists and quotes, and breaks at paragraph edges', () => {
    const doc = htmlToDoc('<p> </p><h2></h2><p><br>x<br></p><ul><li></li></ul><blockquote><p></p></blockquote><hr><p>&nbsp;</p>');
    expect(doc).toEqual({ type: 'doc', content: [p(t('x'))] });
  });

  it('gives an empty document for nothing', () => {
    expect(htmlToDoc('')).toEqual({ type: 'doc', content: [] });
    expect(htmlToDoc('<p>   </p>')).toEqual({ type: 'doc', content: [] });
  });

  it('removes control characters and normalises to NFC', () => {
    const doc = untrustedHtmlToDoc('<p>Cafe\u0301 a\u0007b\u0000c\u0085d\uD800e</p>').doc;
    expect(jsonDocToText(doc)).toBe('Café abcd\uFFFDe');
    expect(() => checkArticleDoc(doc)).not.toThrow();
  });

  it('keeps RLM/LRM marks and ZWNJ, and the order of mixed text', () => {
    const html = '<p>\u200Fگزارش «مرکز آمار» (Statistics Centre) می‌گوید ۵٫۱ درصد.\u200E</p>';
    expect(jsonDocToText(htmlToDoc(html))).toBe('\u200Fگزارش «مرکز آمار» (Statistics Centre) می‌گوید ۵٫۱ درصد.\u200E');
  });

  it('keeps lists whose items hold a heading or open with a quote', () => {
    const doc = untrustedHtmlToDoc('<ul><li><h3>Head</h3>text</li></ul><ol><li><blockquote>bq</blockquote></li></ol>').doc;
    expect(doc.content!.map((block) => block.type)).toEqual(['bulletList', 'orderedList']);
    expect(jsonDocToText(doc)).toBe('Head\n\ntext\n\nbq');
    expect(() => checkArticleDoc(doc)).not.toThrow();
  });

  it('lifts a list item that starts with a nested list into the parent list', () => {
    const doc = cleanDoc({ type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('inner'))] }] }] }] }] });
    expect(doc).toEqual({ type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p(t('inner'))] }] }] });
    expect(() => checkArticleDoc(doc)).not.toThrow();
  });

  it('cleanText', () => {
    expect(cleanText('a\u0000b\u001Fc\u007Fd\tx')).toBe('abcd\tx');
  });
});
