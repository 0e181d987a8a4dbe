import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from './html';
import { REPORT_CSS } from './html-styles';
import { buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';
import type { ReportViewModel } from './view-model';

const MARKUP = `</bdi></p></title></style><script>alert(1)</script>"><img src=x onerror=alert(2)>'><svg onload=alert(3)>`;
const URLS = [
  `javascript:alert(1)//"><img src=x onerror=alert(2)>`,
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  // A real http URL that carries markup: it is linked, percent-encoded.
  `http://ok.example/"><img/src=x/onerror=alert(4)>`,
];
/** Fields whose value is a URL in the view model; every other string field gets MARKUP. */
const URL_FIELDS = new Set(['url', 'organizationUrl', 'claimAppearance', 'canonicalUrl', 'appUrl', 'factCheckUrlPattern']);

/** Every string in the view model replaced by a hostile one (numbers, booleans and nulls kept). */
function hostile(value: unknown, key: string, counter: { n: number; urls: number }): unknown {
  if (typeof value === 'string') {
    if (URL_FIELDS.has(key)) return URLS[counter.urls++ % URLS.length];
    return `${MARKUP}#${(counter.n += 1)}`;
  }
  if (Array.isArray(value)) return value.map((item) => hostile(item, key, counter));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, k, counter)]));
  }
  return value;
}

/**
 * The published fixture (excluded claim, replies, desk notes, a correction) plus a retraction,
 * every string hostile; `audience` is set after, so both audiences render it.
 */
function hostileViewModel(audience: ReportViewModel['audience']): ReportViewModel {
  const published = buildPublishedFixtureViewModel();
  const vm: ReportViewModel = { ...published, publication: { ...published.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: 'Withdrawn.' } } };
  const evil = { ...(hostile(vm, '', { n: 0, urls: 0 }) as ReportViewModel), audience };
  // Keep the claims on the (hostile) article text so highlights and markers are rendered too.
  const text = `${MARKUP}\n\n${MARKUP}\r\n${MARKUP}`;
  const claims = evil.claims.map((claim, index) =>
    claim.orphaned ? claim : { ...claim, start: index, end: index + 40, quote: { ...claim.quote, exact: text.slice(index, index + 40) } },
  );
  return { ...evil, article: { ...evil.article, text }, claims };
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'article', 'footer', 'div', 'p', 'span',
  'bdi', 'b', 'sup', 'br', 'a', 'h1', 'h2', 'h3', 'h4', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'blockquote',
]);

describe.each(['internal', 'public'] as const)('HTML report (%s) with hostile text in every field', async (audience) => {
  const vm = hostileViewModel(audience);
  const html = await renderHtmlReport(vm);
  const styleBlock = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  const outsideStyle = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const tags = outsideStyle.match(/<\/?[a-z][^>]*>/gi) ?? [];

  it('still renders every claim, highlighted in the article, and the publication notices', () => {
    for (const claim of vm.claims) {
      if (audience === 'public' && claim.exclusionReason !== null) expect(html).not.toContain(`id="claim-${claim.number}"`);
      else expect(html).toContain(`id="claim-${claim.number}"`);
    }
    expect(html).toContain('class="hl');
    expect(html).toContain('class="notice retraction"');
    expect(html).toContain('class="notice corrections"');
    expect(html).toContain('<h4>Right of reply</h4>');
    expect(tags.length).toBeGreaterThan(100);
  });

  it('emits only the report’s own elements, with no event handlers or resource attributes', () => {
    for (const tag of tags) {
      const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
      expect(ALLOWED_TAGS, tag).toContain(name);
      // Attribute names only: escaped user text inside a quoted value (a title) is not an attribute.
      const names = tag.replace(/"[^"]*"/g, '""');
      expect(names).not.toMatch(/\s(on[a-z]+|src|srcset|action|formaction)\s*=/i);
    }
    expect(outsideStyle).not.toMatch(/<(script|img|svg|iframe|object|embed)/i);
  });

  it('has exactly one style block, holding only our stylesheet', () => {
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(styleBlock).toBe(REPORT_CSS);
  });

  it('shows the hostile text as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<title>Fact-check report: &lt;/bdi&gt;');
  });

  it('links only http(s) URLs, percent-encoded, and shows the others inert', () => {
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/[^\s"<>]*|#claim-\d+)$/);
    expect(hrefs).toContain('http://ok.example/%22%3E%3Cimg/src=x/onerror=alert(4)%3E');
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    // Non-http(s) source URLs are shown inert, escaped (which sources get which URL depends on the fixture's shape).
    const inert = [...html.matchAll(/<span class="bad-url">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(inert.length).toBeGreaterThan(0);
    const escaped = URLS.slice(0, 3).map((u) => u.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    for (const text of inert) expect(escaped).toContain(text);
  });

  it('keeps style attributes to verdict colours and lanes', () => {
    const styles = [...outsideStyle.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(style).toMatch(/^((--[a-z]+|flex|background):(#[0-9a-f]{6,8}|\d+);?)+$/);
  });

  it('drops a hostile language tag instead of emitting it', () => {
    expect(html.match(/\slang="/g)).toEqual([' lang="']);
  });
});
