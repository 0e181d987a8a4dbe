import type { JSONContent } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { convertMarkdown, splitFrontMatter } from './markdown';

const SAMPLE = readFileSync(new URL('../../e2e/fixtures/web/sample.md', import.meta.url), 'utf8');

function hrefs(node: JSONContent, out: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) hrefs(child, out);
  return out;
}

describe('convertMarkdown', { timeout: 30_000 }, () => {
  it('converts the sample: headings, marks, links, quote, nested lists, table, image, strikethrough', () => {
    const { doc, metadata, report } = convertMarkdown(SAMPLE);
    const { text } = checkArticleDoc(doc);
    expect(doc.content!.map((block) => block.type)).toEqual(['heading', 'paragraph', 'heading', 'blockquote', 'bulletList', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(text).toContain('Council approves the river bridge\n\nThe city council voted 7 to 2 on Tuesday');
    expect(text).toContain('Figure | Value\n\nCost | 40 million euros\n\nLength | 320 metres');
    expect(text).toContain("An artist's drawing of the bridge");
    expect(text).not.toMatch(/\*\*|\[the minutes\]|^#|---|title:/m);
    expect(hrefs(doc)).toEqual(['https://example.org/minutes']);
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"strike"}]');
    expect(doc.content![4]!.content![1]!.content![1]!.type).toBe('orderedList');
    expect(report).toMatchObject({ imagesDropped: 1, tablesFlattened: 1 });
    expect(metadata).toMatchObject({ title: 'Council approves the river bridge', byline: 'Dana Reporter', publishedOn: '2026-03-12', language: 'en' });
  });

  it('sends raw HTML through the sanitizer and refuses javascript: links (markdown-it leaves them as text)', () => {
    const { doc } = convertMarkdown('Hi <img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>\n\n<div onclick="x">block <b>html</b></div>\n\n[rel](/relative)');
    const { text } = checkArticleDoc(doc);
    expect(text).toBe('Hi [x](javascript:alert(1))\n\nblock html\n\nrel');
    expect(hrefs(doc)).toEqual([]);
  });

  it('resolves relative links against a base URL when given', () => {
    expect(hrefs(convertMarkdown('[rel](/relative)', 'https://cms.example/posts/1').doc)).toEqual(['https://cms.example/relative']);
  });

  it('does not autolink bare URLs and keeps code as plain text', () => {
    const { doc } = convertMarkdown('See https://example.org now.\n\n```\nconst a = 1;\nconst b = 2;\n```\n\nUse `npm` here.');
    expect(hrefs(doc)).toEqual([]);
    expect(checkArticleDoc(doc).text).toBe('See https://example.org now.\n\nconst a = 1;\nconst b = 2;\n\nUse npm here.');
  });

  it('keeps Persian text, ZWNJ and RLM', () => {
    const persian = '# پل جدید\n\nشورای شهر **می‌گوید** نرخ بیکاری ۴ درصد است (Statistics Centre).\u200F';
    expect(checkArticleDoc(convertMarkdown(persian).doc).text).toBe('پل جدید\n\nشورای شهر می‌گوید نرخ بیکاری ۴ درصد است (Statistics Centre).\u200F');
  });

  it('converts the Persian sample (e2e/fixtures/web/fa/sample.md)', () => {
    const { doc } = convertMarkdown(readFileSync(new URL('../../e2e/fixtures/web/fa/sample.md', import.meta.url), 'utf8'));
    const { text } = checkArticleDoc(doc);
    expect(doc.content!.map((block) => block.type)).toEqual(['heading', 'paragraph', 'blockquote', 'bulletList']);
    expect(text).toContain('به گفتهٔ مرکز آمار (Statistics Centre) نرخ بیکاری ۵٫۱ درصد است.\u200F');
    expect(hrefs(doc)).toEqual(['https://stats.example/report']);
  });

  it('gives an empty document for whitespace', () => {
    expect(convertMarkdown('   \n\n  ').doc.content).toEqual([]);
  });
});

describe('splitFrontMatter', { timeout: 30_000 }, () => {
  it('reads simple key: value front matter', () => {
    const { body, metadata } = splitFrontMatter('---\ntitle: \'Quoted\'\nauthors: Ann\nlanguage: fa_IR\n---\nBody');
    expect(body).toBe('Body');
    expect(metadata).toMatchObject({ title: 'Quoted', byline: 'Ann', language: 'fa-IR' });
  });

  it('leaves a leading thematic break that is not front matter', () => {
    const text = '---\nJust prose here.\n---\nMore';
    expect(splitFrontMatter(text).body).toBe(text);
  });
});
