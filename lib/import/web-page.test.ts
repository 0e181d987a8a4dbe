import type { JSONContent } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { convertFragment, convertHtmlFile, convertWebPage, looksLikeWholePage, pageMetadata } from './web-page';

const fixture = (path: string) => readFileSync(new URL(`../../e2e/fixtures/web/${path}`, import.meta.url), 'utf8');
const NEWS = fixture('news/story.html');
const PERSIAN = fixture('fa/story.html');

function hrefs(node: JSONContent, out: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) hrefs(child, out);
  return out;
}

describe('convertWebPage', { timeout: 30_000 }, () => {
  it('keeps the story and drops navigation, ads, related links, forms and the footer', () => {
    const { doc, usedWholePage, report } = convertWebPage(NEWS, 'https://daily.example/news/story?id=7');
    const { text } = checkArticleDoc(doc);
    expect(usedWholePage).toBe(false);
    expect(text).toContain('The city council voted 7 to 2 on Tuesday evening');
    expect(text).toContain('What the mayor said');
    expect(text).toContain('The planned bridge, as drawn by the architects.');
    expect(text).toContain('Cost: 40 million euros');
    for (const junk of ['Politics', 'BUY CHEAP FLIGHTS', 'Related stories', 'Old bridge closes', 'newsletter', 'All rights reserved', 'changed by a script', 'alert']) expect(text).not.toContain(junk);
    expect(hrefs(doc)).toEqual(['https://daily.example/documents/budget-2026.pdf', 'mailto:council@city.example']);
    expect(doc.content!.some((block) => block.type === 'heading')).toBe(true);
    expect(doc.content!.some((block) => block.type === 'blockquote')).toBe(true);
    expect(doc.content!.some((block) => block.type === 'bulletList')).toBe(true);
    expect(report.imagesDropped).toBeGreaterThanOrEqual(1);
  });

  it('reads JSON-LD metadata first, then meta tags', () => {
    expect(convertWebPage(NEWS, 'https://daily.example/news/story?id=7').metadata).toEqual({
      title: 'Council approves the river bridge after a long debate',
      byline: 'Dana Reporter, Sam Editor',
      outlet: 'The Daily Example',
      publishedOn: '2026-03-12',
      language: 'en-GB',
      canonicalUrl: 'https://daily.example/news/council-approves-river-bridge',
    });
  });

  it('keeps a Persian page’s text, order and marks', () => {
    const { doc, metadata } = convertWebPage(PERSIAN, 'https://fa.example/news/1');
    const { text } = checkArticleDoc(doc);
    expect(text).toContain('شورای شهر روز سه‌شنبه با هفت رأی موافق و دو رأی مخالف');
    expect(text).toContain('گزارش مرکز آمار (Statistics Centre) این نرخ را ۵٫۱ درصد اعلام کرده است.\u200F');
    expect(text).not.toContain('صفحه اصلی');
    expect(text).not.toContain('تمام حقوق محفوظ است');
    expect(metadata).toMatchObject({ title: 'شورای شهر ساخت پل را تصویب کرد', byline: 'مریم احمدی', outlet: 'خبرگزاری نمونه', publishedOn: '2026-03-12', language: 'fa' });
  });

  it('converts a short page, and reports when Readability found nothing', () => {
    expect(checkArticleDoc(convertWebPage('<html><body><p>Short note.</p></body></html>', 'https://e.example/').doc).text).toBe('Short note.');
    const empty = convertWebPage('<html><body></body></html>', 'https://e.example/');
    expect(empty.usedWholePage).toBe(true);
    expect(empty.doc.content).toEqual([]);
  });

  it('never resolves links against a javascript: base', () => {
    const { doc } = convertWebPage('<html><head><base href="javascript:alert(1)//"></head><body><p><a href="/x">x</a> text</p></body></html>', 'https://e.example/');
    expect(hrefs(doc).every((href) => href.startsWith('https://'))).toBe(true);
  });

  it('survives a page that is not HTML at all', () => {
    const { doc } = convertWebPage('\u0000\u0001 binary junk', 'not a url');
    expect(doc.type).toBe('doc');
  });
});

describe('convertHtmlFile and fragments', { timeout: 30_000 }, () => {
  it('treats a file with <html>/<body> as a page and reads its head', () => {
    expect(looksLikeWholePage(NEWS)).toBe(true);
    expect(looksLikeWholePage('<p>fragment</p>')).toBe(false);
    const { metadata, doc } = convertHtmlFile(NEWS);
    expect(metadata.title).toBe('Council approves the river bridge after a long debate');
    // no base URL: relative links are dropped (their text kept), absolute ones stay
    expect(hrefs(doc)).toEqual(['mailto:council@city.example']);
    expect(checkArticleDoc(doc).text).toContain("according to the council's budget documents");
  });

  it('converts a fragment as it is, with no metadata', () => {
    const { doc, metadata } = convertFragment('<h1>Head</h1><p>Body <a href="https://e.example/">link</a></p><nav>kept: no Readability for fragments</nav>');
    expect(checkArticleDoc(doc).text).toBe('Head\n\nBody link\n\nkept: no Readability for fragments');
    expect(metadata.title).toBe('');
  });

  it('pageMetadata reads the head only', () => {
    expect(pageMetadata(PERSIAN, 'https://fa.example/').language).toBe('fa');
  });
});
