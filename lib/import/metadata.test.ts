import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanByline, extractPageMetadata, jsonLdMetadata, mergeMetadata, normaliseDate, normaliseLanguage } from './metadata';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function page(head: string, body = '', htmlAttrs = ''): Document {
  return new JSDOM(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, { url: 'https://news.example/world/story?x=1' }).window.document;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('extractPageMetadata', { timeout: 30_000 }, () => {
  it('prefers JSON-LD over meta over Readability over <title>', () => {
    const doc = page(
      `<title>Title tag</title><meta property="og:title" content="OG title"><meta name="author" content="Meta Author"><meta property="og:site_name" content="OG Site">${ld({ '@type': 'NewsArticle', headline: 'LD headline', author: { '@type': 'Person', name: 'LD Author' } })}`,
    );
    expect(extractPageMetadata(doc, { readability: { title: 'R title', byline: 'R byline', siteName: 'R site' } })).toEqual({
      title: 'LD headline',
      byline: 'LD Author',
      outlet: 'OG Site',
      publishedOn: null,
      language: null,
      canonicalUrl: null,
    });
    expect(extractPageMetadata(page('<title>Only title</title>'), { readability: { byline: 'By R Byline', siteName: 'R site' } })).toMatchObject({ title: 'Only title', byline: 'R Byline', outlet: 'R site' });
    expect(extractPageMetadata(page('<title>Only title</title>'), { readability: { title: 'R title' } }).title).toBe('R title');
  });

  it('reads @graph arrays, author lists, publisher names, dates and languages', () => {
    const doc = page(ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'Page' }, { '@type': ['ReportageNews'], headline: 'Graph story', author: ['Ann', { name: 'Bob' }, { name: 'Ann' }], publisher: { name: 'The Outlet' }, datePublished: '2025-11-03T23:30:00-05:00', inLanguage: 'pt_br', url: '/canonical/story' }] }));
    expect(extractPageMetadata(doc)).toEqual({ title: 'Graph story', byline: 'Ann, Bob', outlet: 'The Outlet', publishedOn: '2025-11-03', language: 'pt-BR', canonicalUrl: 'https://news.example/canonical/story' });
  });

  it('reads a top-level JSON-LD array and skips broken blocks', () => {
    const doc = page(`<script type="application/ld+json">{ broken</script>${ld([{ '@type': 'Organization', name: 'Org' }, { '@type': 'Article', headline: 'Array story', author: 'Plain Author' }])}`);
    expect(jsonLdMetadata(doc)).toMatchObject({ title: 'Array story', byline: 'Plain Author' });
  });

  it('falls back to meta tags, <html lang>, og:locale and rel=canonical', () => {
    const doc = page('<meta property="og:title" content="  OG   title "><meta property="article:published_time" content="2024-02-29T10:00:00Z"><meta name="author" content="https://facebook.com/someone"><meta name="parsely-author" content="Real Name"><meta property="og:locale" content="fa_IR"><link rel="canonical" href="/canon">');
    expect(extractPageMetadata(doc)).toEqual({ title: 'OG title', byline: 'Real Name', outlet: '', publishedOn: '2024-02-29', language: 'fa-IR', canonicalUrl: 'https://news.example/canon' });
    expect(extractPageMetadata(page('', '', 'lang="EN-gb"')).language).toBe('en-GB');
  });

  it('ignores a canonical URL that is not http(s)', () => {
    expect(extractPageMetadata(page('<link rel="canonical" href="javascript:alert(1)">')).canonicalUrl).toBeNull();
  });

  it('gives empty strings and nulls for a page that says nothing', () => {
    expect(extractPageMetadata(page(''))).toEqual({ title: '', byline: '', outlet: '', publishedOn: null, language: null, canonicalUrl: null });
  });

  it('cuts overlong values to the form’s limits', () => {
    const meta = mergeMetadata([{ title: 'x'.repeat(500), byline: 'y'.repeat(500), outlet: 'z'.repeat(500) }]);
    expect(meta.title.length).toBe(300);
    expect(meta.byline.length).toBe(200);
    expect(meta.outlet.length).toBe(200);
  });
});

describe('normaliseDate', { timeout: 30_000 }, () => {
  it.each([
    ['2026-03-12', '2026-03-12'],
    ['2026-03-12T23:59:00+05:00', '2026-03-12'],
    ['20260312', '2026-03-12'],
    ['March 5, 2024', '2024-03-05'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
  ])('%s → %s', (input, expected) => expect(normaliseDate(input)).toBe(expected));
  it.each([['2024-02-30'], ['yesterday'], [''], ['12'], ['0001-01-01'], ['2024-13-01']])('refuses %s', (input) => expect(normaliseDate(input)).toBeNull());
  it('refuses non-strings', () => expect(normaliseDate(20240101)).toBeNull());
});

describe('normaliseLanguage', { timeout: 30_000 }, () => {
  it.each([
    ['fa', 'fa'],
    ['FA', 'fa'],
    ['fa_IR', 'fa-IR'],
    ['en-gb', 'en-GB'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['en-US-x-private', 'en-US'],
  ])('%s → %s', (input, expected) => {
    const result = normaliseLanguage(input);
    expect(result).toBe(expected);
    expect(result).toMatch(LANGUAGE);
  });
  it.each([['english'], [''], ['e'], ['12'], ['x-klingon']])('refuses %s', (input) => expect(normaliseLanguage(input)).toBeNull());
});

describe('cleanByline', { timeout: 30_000 }, () => {
  it('strips "By" and collapses whitespace', () => {
    expect(cleanByline('By  Jane Doe\nand John Roe')).toBe('Jane Doe and John Roe');
    expect(cleanByline('   ')).toBeNull();
    expect(cleanByline(null)).toBeNull();
  });
});
