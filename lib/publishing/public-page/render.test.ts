import { describe, expect, it } from 'vitest';
import {
  FIXTURE_GONE_PART,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';
import type { ReportViewModel } from '@/lib/export/view-model';
import { toPublicView } from '../public-view';
import { PREVIEW_CSP, PUBLIC_PAGE_CSP, previewHeaders, publicHeaders } from './headers';
import { truncate } from './meta';
import { parseClaimNumber, renderPublicArticlePage, renderPublicClaimPage, renderPublicNotFoundPage } from './render';
import type { PublicPageOptions } from './view';

const APP = 'https://desk.example.org';
const OPTIONS: PublicPageOptions = { appUrl: `${APP}/`, workspaceSlug: 'verification-desk', articleSlug: 'economy-claims', mode: 'public' };
const ARTICLE_URL = `${APP}/fact-checks/verification-desk/economy-claims`;
const claimUrl = (n: number) => `${ARTICLE_URL}/claims/${n}`;

/** The published fixture as its snapshot stores it; no URL pattern, so ClaimReview urls are our pages. */
function snapshot(overrides: Partial<ReportViewModel['workspace']> = {}): ReportViewModel {
  const internal = buildPublishedFixtureViewModel();
  const vm = toPublicView(internal, internal.publication!);
  return { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: null, ...overrides } };
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
}

/** content of <meta property|name="key" content="…">, unescaped; undefined when absent. */
function metaContent(html: string, key: string): string | undefined {
  const tags = html.match(/<meta\b[^>]*>/g) ?? [];
  const tag = tags.find((t) => t.includes(`property="${key}"`) || t.includes(`name="${key}"`));
  const content = tag && /content="([^"]*)"/.exec(tag)?.[1];
  return content === undefined ? undefined : unescapeHtml(content);
}

function linkHref(html: string, rel: string): string[] {
  return (html.match(/<link\b[^>]*>/g) ?? []).filter((t) => t.includes(`rel="${rel}"`)).map((t) => unescapeHtml(/href="([^"]*)"/.exec(t)![1]!));
}

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** Strings only the desk may see, all present in the internal fixture. */
const INTERNAL = [
  'leila@example.org',
  'sara@example.org',
  'Checked the provincial table too.', // internal comment
  'Ministry press office', // reply contact
  'Spokesperson, mobile', // reply contact of an internal attempt
  'Tip from a reader', // internal source
  'Confidential: a staffer',
  'Totally safe link', // internal source
  'Desk notes', // the excluded claim's source
  'Attribution only', // exclusion reason
  'The spokesperson added a remark.', // excluded claim
  'One province did reach 4%.', // a reviewer's reason
  'Verification desk', // the workspace's internal name
  'Report generated',
  'revision 4',
];

describe('the article page', async () => {
  const html = await renderPublicArticlePage(snapshot(), OPTIONS);

  it('is a complete document with the report: annotated text, verdicts, rationale, public sources, replies', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<meta charset="utf-8"\/>/i);
    expect(html).toContain('class="article-body"');
    expect(html).toMatch(/data-claim="1"/);
    for (const label of ['False', 'Mostly true', 'Half true', 'Unproven', 'Not checkable']) expect(html).toContain(`>${label}<`);
    expect(html).toContain('The national rate is the lowest since 2013, though not 4%.');
    expect(html).toContain('Archived post (2024)');
    expect(html).toContain('The minister was quoting the figure for one province.');
  });

  it('says when it was published and updated, and shows the correction notes with their dates', () => {
    expect(html).toMatch(/Published <time dateTime="2024-03-08T09:00:00.000Z">8 March 2024<\/time>/);
    expect(html).toMatch(/Updated <time dateTime="2024-03-10T12:30:00.000Z">10 March 2024<\/time>/);
    expect(html).toContain('Correction, 10 March 2024: Claim 2: the national rate is the lowest since 2013, not 2010.');
  });

  it('links every claim to its own page, by stable number', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(html).toContain(`href="${claimUrl(n)}"`);
    expect(html).not.toContain(`href="${claimUrl(8)}"`);
  });

  it('carries Open Graph and Twitter card tags, the canonical link and the feed link, and no ClaimReview', () => {
    expect(metaContent(html, 'og:type')).toBe('article');
    expect(metaContent(html, 'og:title')).toBe('Fact-check: ادعاهای اقتصادی وزیر — "Economy" claims & <figures>');
    expect(metaContent(html, 'og:description')).toMatch(/^Example Fact Check <Unit> checked the article by News Example by مریم رضایی\. 7 claims checked: /);
    expect(metaContent(html, 'og:url')).toBe(ARTICLE_URL);
    expect(metaContent(html, 'og:site_name')).toBe('Example Fact Check <Unit>');
    expect(metaContent(html, 'article:published_time')).toBe('2024-03-08T09:00:00.000Z');
    expect(metaContent(html, 'article:modified_time')).toBe('2024-03-10T12:30:00.000Z');
    expect(metaContent(html, 'twitter:card')).toBe('summary');
    expect(metaContent(html, 'twitter:title')).toBe(metaContent(html, 'og:title'));
    expect(metaContent(html, 'twitter:description')).toBe(metaContent(html, 'og:description'));
    expect(metaContent(html, 'description')).toBe(metaContent(html, 'og:description'));
    expect(linkHref(html, 'canonical')).toEqual([ARTICLE_URL]);
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="Fact-checks by Example Fact Check &lt;Unit&gt;" href="https:\/\/desk\.example\.org\/fact-checks\/verification-desk\/feed\.xml"\/>/);
    expect(html).not.toContain('application/ld+json');
    expect(metaContent(html, 'robots')).toBeUndefined();
  });

  it('runs no script and is print-friendly and responsive', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@media print');
    expect(html).toContain('@media (max-width: 640px)');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(metaContent(html.replace('http-equiv="Content-Security-Policy"', 'name="csp"').replace('httpEquiv="Content-Security-Policy"', 'name="csp"'), 'csp')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('shows nothing internal, even when handed an internal view model', async () => {
    const leaky = await renderPublicArticlePage({ ...buildPublishedFixtureViewModel(), workspace: { ...buildPublishedFixtureViewModel().workspace, factCheckUrlPattern: null } }, OPTIONS);
    for (const page of [html, leaky]) {
      const text = unescapeHtml(page);
      for (const secret of INTERNAL) expect(text, secret).not.toContain(secret);
    }
  });
});

describe('a claim page', async () => {
  const vm = snapshot();
  const html = (await renderPublicClaimPage(vm, 1, OPTIONS))!;

  it('carries exactly one ClaimReview, whose url is the page (and the canonical link)', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    const review = blocks[0] as Record<string, unknown>;
    expect(Array.isArray(review)).toBe(false);
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url).toBe(claimUrl(1));
    expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'False' });
    expect(linkHref(html, 'canonical')).toEqual([claimUrl(1)]);
    expect(metaContent(html, 'og:url')).toBe(claimUrl(1));
  });

  it('puts the verdict in the title and description', () => {
    expect(metaContent(html, 'og:title')).toBe('False: “نرخ بیکاری در سال ۱۴۰۲ به ۴ درصد رسید 🙂”');
    expect(metaContent(html, 'twitter:title')).toBe(metaContent(html, 'og:title'));
    expect(metaContent(html, 'og:description')).toMatch(/^وزیر اقتصاد claimed: “نرخ بیکاری در سال ۱۴۰۲ به ۴ درصد رسید 🙂” Verdict: False\. /);
    expect(html).toContain('<title>False: “نرخ بیکاری در سال ۱۴۰۲ به ۴ درصد رسید 🙂” · Example Fact Check &lt;Unit&gt;</title>');
  });

  it('shows the quote in context, claimant, verdict, rationale, public sources, shown replies and corrections', () => {
    expect(html).toMatch(/<mark>نرخ بیکاری به ۴ درصد رسیده است<\/mark>/);
    expect(html).toContain('Claimed by <bdi>وزیر اقتصاد</bdi>');
    expect(html).toContain('data-testid="claim-verdict"');
    expect(html).toContain('مرکز آمار ایران نرخ بیکاری را ۸٫۲ درصد گزارش کرده است.');
    expect(html).toContain('گزارش نیروی کار ۱۴۰۲');
    expect(html).toContain('The minister was quoting the figure for one province.');
    expect(html).toContain('Correction, 10 March 2024: Claim 2: the national rate is the lowest since 2013, not 2010.');
    expect(html).toContain(`href="${ARTICLE_URL}"`);
    for (const secret of INTERNAL) expect(unescapeHtml(html), secret).not.toContain(secret);
  });

  it('leaves the ClaimReview url to the workspace pattern when one is set; the canonical link stays this page', async () => {
    const page = (await renderPublicClaimPage(snapshot({ factCheckUrlPattern: 'https://factcheck.example.org/checks/{article}#claim-{claim}' }), 2, OPTIONS))!;
    const [review] = jsonLdBlocks(page) as Array<{ url: string }>;
    expect(review?.url).toBe('https://factcheck.example.org/checks/economy-claims#claim-2');
    expect(linkHref(page, 'canonical')).toEqual([claimUrl(2)]);
  });

  it('has no ClaimReview for a claim without a final verdict (published over a blocker)', async () => {
    const page = (await renderPublicClaimPage(vm, 4, OPTIONS))!;
    expect(page).toContain('Pending');
    expect(page).not.toMatch(/<script/);
  });

  it('renders an orphaned claim from its stored quote', async () => {
    const page = (await renderPublicClaimPage(vm, 7, OPTIONS))!;
    expect(page).toMatch(/<mark>بانک مرکزی ۹۰۰ هزار میلیارد ریال چاپ کرد<\/mark>/);
    expect(jsonLdBlocks(page)).toHaveLength(1);
  });

  it('does not exist for an excluded or unknown claim', async () => {
    expect(await renderPublicClaimPage(vm, 8, OPTIONS)).toBeNull();
    expect(await renderPublicClaimPage(vm, 99, OPTIONS)).toBeNull();
    // Even when the snapshot still held the excluded claim.
    expect(await renderPublicClaimPage(buildPublishedFixtureViewModel(), 8, OPTIONS)).toBeNull();
  });
});

describe('a retracted fact-check', async () => {
  const options: PublicPageOptions = { ...OPTIONS, retraction: { at: '2024-04-02T08:00:00.000Z', reason: 'The <source> was forged.' } };
  const article = await renderPublicArticlePage(snapshot(), options);
  const claim = (await renderPublicClaimPage(snapshot(), 1, options))!;

  it('shows the notice (date, reason) on the article and claim pages, noindex, no ClaimReview', () => {
    for (const page of [article, claim]) {
      expect(page).toContain('class="notice retraction"');
      expect(page).toContain('This fact-check was retracted on 2 April 2024.');
      expect(page).toContain('The &lt;source&gt; was forged.');
      expect(metaContent(page, 'robots')).toBe('noindex');
      expect(page).not.toMatch(/<script/);
    }
  });

  it('takes the retraction from the snapshot too', async () => {
    const vm = snapshot();
    const page = await renderPublicArticlePage({ ...vm, publication: { ...vm.publication!, retraction: { at: '2024-04-02T08:00:00.000Z', reason: 'Withdrawn.' } } }, OPTIONS);
    expect(page).toContain('Withdrawn.');
    expect(metaContent(page, 'robots')).toBe('noindex');
  });
});

describe('the preview', async () => {
  const links = { article: '/api/articles/a-1/publication/preview', claim: (n: number) => `/api/articles/a-1/publication/preview?claim=${n}` };
  const options: PublicPageOptions = { ...OPTIONS, mode: 'preview', links };

  it('has the banner, noindex, and keeps its links inside the preview', async () => {
    const article = await renderPublicArticlePage(snapshot(), options);
    const claim = (await renderPublicClaimPage(snapshot(), 3, options))!;
    for (const page of [article, claim]) {
      expect(page).toContain('Preview — not yet published');
      expect(metaContent(page, 'robots')).toBe('noindex');
    }
    expect(article).toContain('href="/api/articles/a-1/publication/preview?claim=3"');
    expect(claim).toContain('href="/api/articles/a-1/publication/preview"');
    // What would be published: canonical and ClaimReview name the public pages.
    expect(linkHref(claim, 'canonical')).toEqual([claimUrl(3)]);
    expect((jsonLdBlocks(claim)[0] as { url: string }).url).toBe(claimUrl(3));
  });

  it('renders a first publication that has no publication record yet', async () => {
    const page = await renderPublicArticlePage({ ...snapshot(), publication: null }, options);
    expect(page).toContain('Not published yet');
    expect(page).not.toContain('Correction,');
  });
});

describe('hostile text', async () => {
  const MARKUP = `</title></style></script><script>alert(1)</script>"><img src=x onerror=alert(2)>'><svg onload=alert(3)>`;
  const vm = snapshot();
  const hostile: ReportViewModel = {
    ...vm,
    workspace: { ...vm.workspace, name: MARKUP, organizationName: MARKUP, organizationUrl: 'javascript:alert(1)' },
    article: { ...vm.article, title: MARKUP, outlet: MARKUP, byline: MARKUP, url: 'javascript:alert(2)', sourceCredit: MARKUP },
    scale: { ...vm.scale, name: MARKUP, levels: vm.scale.levels.map((l) => ({ ...l, label: MARKUP })) },
    claims: vm.claims.map((c) => ({
      ...c,
      claimText: MARKUP,
      claimant: MARKUP,
      rationale: MARKUP,
      claimAppearance: 'javascript:alert(3)',
      finalVerdict: c.finalVerdict && { ...c.finalVerdict, label: MARKUP },
      quote: { exact: MARKUP, prefix: MARKUP, suffix: MARKUP },
      sources: c.sources.map((s) => ({ ...s, title: MARKUP, publisher: MARKUP, excerpt: MARKUP, url: 'javascript:alert(4)' })),
      replies: c.replies.map((r) => ({ ...r, response: MARKUP })),
    })),
    publication: { ...vm.publication!, corrections: [{ at: '2024-03-10T12:30:00.000Z', note: MARKUP }] },
  };
  const pages = [await renderPublicArticlePage(hostile, OPTIONS), (await renderPublicClaimPage(hostile, 1, OPTIONS))!, (await renderPublicClaimPage(hostile, 1, { ...OPTIONS, retraction: { at: '2024-04-02T08:00:00Z', reason: MARKUP } }))!];

  it('is escaped everywhere: no injected element, attribute or script, and the JSON-LD cannot be closed early', () => {
    for (const html of pages) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<svg');
      expect(html).not.toMatch(/<script>alert/);
      // Real tags only (text is escaped); quoted attribute values may hold anything.
      for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag.replace(/"[^"]*"/g, '""'), tag).not.toMatch(/\son\w+\s*=/i);
      expect(html).not.toMatch(/href="javascript:/i);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag).toBe('<script type="application/ld+json">');
      expect(html.match(/<\/script>/g)?.length ?? 0).toBe(scripts.length);
      for (const block of jsonLdBlocks(html)) expect((block as { claimReviewed: string }).claimReviewed).toBe(MARKUP);
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/<\/title>/g)).toHaveLength(1);
    }
    expect(jsonLdBlocks(pages[1]!)).toHaveLength(1);
  });
});

describe('the not-found page', () => {
  it('is a styled document saying so, noindex, with no canonical or sharing tags', async () => {
    const html = await renderPublicNotFoundPage();
    expect(html).toContain('<h1>Fact-check not found</h1>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('@media print');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:');
  });
});

describe('helpers', () => {
  it('parses claim numbers strictly', () => {
    expect(parseClaimNumber('4')).toBe(4);
    expect(parseClaimNumber('123456789')).toBe(123456789);
    for (const bad of ['0', '04', '4.0', '-4', '', ' 4', '4a', '1234567890', '１']) expect(parseClaimNumber(bad), bad).toBeNull();
  });

  it('truncates at a word with an ellipsis', () => {
    expect(truncate('short  text', 20)).toBe('short text');
    expect(truncate('The mayor said the new bridge cost 40 million euros', 30)).toBe('The mayor said the new bridge…');
    expect([...truncate('🚀'.repeat(50), 10)]).toHaveLength(10);
  });

  it('sends a static-page CSP, nosniff and short public caching; the preview may be framed by the app only', () => {
    expect(publicHeaders('html')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=60',
      'Content-Security-Policy': PUBLIC_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(PUBLIC_PAGE_CSP).toContain("script-src 'none'");
    expect(PUBLIC_PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(publicHeaders('atom')['Content-Type']).toBe('application/atom+xml; charset=utf-8');
    expect(previewHeaders()).toMatchObject({ 'Cache-Control': 'no-store', 'Content-Security-Policy': PREVIEW_CSP, 'X-Frame-Options': 'SAMEORIGIN' });
    expect(PREVIEW_CSP).toContain("frame-ancestors 'self'");
  });
});

describe('multi-part claims and quoted passages on the public pages', async () => {
  const internal = { ...buildMultiPartFixtureViewModel(), publication: buildPublishedFixtureViewModel().publication };
  const vm = { ...toPublicView(internal, internal.publication!), workspace: { ...internal.workspace, factCheckUrlPattern: null } };
  const article = (await renderPublicArticlePage(vm, OPTIONS))!;
  const twoPartPage = (await renderPublicClaimPage(vm, FIXTURE_TWO_PART_CLAIM_NUMBER, OPTIONS))!;
  const partialPage = (await renderPublicClaimPage(vm, FIXTURE_PARTIAL_CLAIM_NUMBER, OPTIONS))!;
  const firstPart = internal.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!.parts![0]!.quote.exact;

  it('keeps the parts through the public view (the snapshot)', () => {
    expect(vm.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)?.parts).toHaveLength(2);
    expect(vm.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)?.sources[0]).toMatchObject({ excerptPrefix: 'In 2023,', excerptSuffix: 'according to the provisional' });
  });

  it("shows a multi-part claim's parts joined by ' … ' and highlights every part in the article", () => {
    expect(article).toContain(`<p>${firstPart} … Exports grew 🚀 by 12%</p>`);
    const spans = article.match(new RegExp(`data-claim="${FIXTURE_TWO_PART_CLAIM_NUMBER}"`, 'g')) ?? [];
    expect(spans.length).toBeGreaterThanOrEqual(2);
  });

  it('links public passages to their place on the source page; internal ones never appear', () => {
    expect(article).toContain('href="https://customs.example.org/annual-report-2023#summary:~:text=In%202023%2C-,Non%2Doil');
    expect(twoPartPage).toContain('class="passage"');
    for (const page of [article, twoPartPage]) {
      expect(page).not.toContain('tips.example.net');
      expect(page).not.toContain('was a projection');
    }
  });

  it('shows each part in context on the claim page', () => {
    expect(twoPartPage).toContain(`<mark>${firstPart}</mark>`);
    expect(twoPartPage).toContain('<mark>Exports grew 🚀 by 12%</mark>');
    expect(twoPartPage.match(/<mark>/g)).toHaveLength(2);
  });

  it('marks the gone part of a partly orphaned claim, in context and in its card; the title uses the joined quote', () => {
    expect(partialPage).toContain(`<mark class="part-gone">${FIXTURE_GONE_PART}</mark><span class="part-note"> (no longer in the article)</span>`);
    expect(partialPage).toContain('<mark>appeared in a caption</mark>');
    expect(partialPage).toContain(`<span class="part-gone">${FIXTURE_GONE_PART}</span><span class="part-note"> (no longer in the article)</span> … appeared in a caption`);
    expect(partialPage).toContain(`<title>Half true: “${FIXTURE_GONE_PART} … appeared in a caption” ·`);
    expect(partialPage).toContain('>In context<');
  });

  it('renders a snapshot from before multi-part claims (no parts, no passage context) as before', async () => {
    const old = structuredClone(vm);
    for (const claim of old.claims) {
      delete claim.parts;
      for (const source of claim.sources) {
        delete source.excerptPrefix;
        delete source.excerptSuffix;
      }
    }
    const page = (await renderPublicClaimPage(old, FIXTURE_TWO_PART_CLAIM_NUMBER, OPTIONS))!;
    expect(page.match(/<mark>/g)).toHaveLength(1);
    expect(page).toContain('href="https://customs.example.org/annual-report-2023#summary:~:text=Non%2Doil');
  });
});

describe('public page icon', () => {
  it('links the app icon as a data: URI, the only image source the page CSP allows', async () => {
    const html = await renderPublicArticlePage(snapshot(), OPTIONS);
    const [href] = linkHref(html, 'icon');
    expect(href).toMatch(/^data:image\/svg\+xml,/);
    expect(PUBLIC_PAGE_CSP).toMatch(/img-src data:/);
  });
});
