import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from './html';
import {
  FIXTURE_EXCLUDED_CLAIM_ID,
  FIXTURE_GONE_PART,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildFixtureViewModel,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';
import { toPublicationAudience } from './publication-audience';

const vm = buildFixtureViewModel();
const html = await renderHtmlReport(vm);

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function articleBody(doc: string): string {
  const match = /<div class="article-body"[^>]*>([\s\S]*?)<\/div>/.exec(doc);
  if (!match?.[1]) throw new Error('no article body');
  return match[1];
}

/**
 * Walks the annotated article: returns the plain text (markers dropped) and, per claim
 * number, the text inside that claim's highlight spans.
 */
function readHighlights(body: string): { text: string; byClaim: Map<number, string> } {
  const byClaim = new Map<number, string>();
  const open: Array<number | null> = [];
  let text = '';
  let paragraphs = 0;
  const tokens = body.replace(/<sup class="mk">[\s\S]*?<\/sup>/g, '').split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (token === '') continue;
    if (token.startsWith('<span')) {
      const n = /data-claim="(\d+)"/.exec(token)?.[1];
      open.push(n ? Number(n) : null);
    } else if (token === '</span>') {
      open.pop();
    } else if (token.startsWith('<p')) {
      if (paragraphs++ > 0) text += '\n\n';
    } else if (token === '</p>' || token === '\n') {
      continue;
    } else if (token === '<br/>') {
      appendText('\n');
    } else if (token.startsWith('<')) {
      throw new Error(`unexpected tag in article body: ${token}`);
    } else {
      appendText(unescapeHtml(token.replace(/\n/g, '')));
    }
  }
  return { text, byClaim };

  function appendText(piece: string) {
    text += piece;
    for (const n of open) if (n !== null) byClaim.set(n, (byClaim.get(n) ?? '') + piece);
  }
}

describe('HTML report', () => {
  it('is a complete HTML5 document with the article metadata', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<meta charset="utf-8"\/>/i);
    expect(html).toContain('<title>Fact-check report: ادعاهای اقتصادی وزیر — &quot;Economy&quot; claims &amp; &lt;figures&gt;</title>');
    expect(html).toContain('News Example');
    expect(html).toContain('مریم رضایی');
    expect(html).toContain('5 March 2024');
    expect(html).toContain('href="https://news.example.com/economy/2024/minister?ref=a&amp;b=1"');
    expect(html).toContain('Text © News Example, used with permission.');
    expect(html).toContain('Example Fact Check &lt;Unit&gt;');
    expect(html).toContain('Verification desk');
    expect(html).toContain('8 March 2024, 10:15 UTC');
  });

  it('has no scripts, no external resources and a CSP that forbids both', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|video|audio|source)\b/i);
    // Real tags only: escaped user text such as "&lt;img src=x onerror=…&gt;" is not markup.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) expect(tag).not.toMatch(/\s(src|srcset|background|action|formaction|on[a-z]+)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(unescapeHtml(csp)).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
  });

  it('escapes user text: the <script> quote shows as text', () => {
    expect(html).toContain('He also wrote &lt;script&gt;alert(1)&lt;/script&gt; in a post');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Tom &quot;the &lt;b&gt;bold&lt;/b&gt;&quot; Doe');
  });

  it('never links a non-http(s) URL', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => unescapeHtml(m[1] ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#claim-\d+$)/);
    // Shown as inert text so editors can spot the bad source.
    expect(html).toContain('<span class="bad-url">javascript:alert(1)</span>');
  });

  it('preserves RTL text, ZWNJ and emoji, with dir="auto" on user text', () => {
    expect(html).toContain('سه\u200cشنبه');
    expect(html).toContain('🚀');
    expect(html).toContain('🇮🇷');
    expect(html).toContain('<div class="article-body" lang="fa">');
    expect(html).toMatch(/<p dir="auto">وزیر اقتصاد/);
    expect(html).toMatch(/<h1 dir="auto" lang="fa">/);
    expect(html).toMatch(/<h3 dir="auto">نرخ بیکاری/);
  });

  it('reproduces the article text exactly, with paragraphs and line breaks', () => {
    expect(readHighlights(articleBody(html)).text).toBe(vm.article.text);
    expect(articleBody(html).match(/<p /g)).toHaveLength(3);
    expect(articleBody(html)).toContain('<br/>');
  });

  it('highlights every claim exactly, including overlapping and nested ones', () => {
    const { byClaim } = readHighlights(articleBody(html));
    for (const claim of vm.claims.filter((c) => !c.orphaned)) {
      expect(byClaim.get(claim.number)).toBe(claim.quote.exact);
    }
    // The overlap of claims 1 and 2 is inside both spans.
    expect(articleBody(html)).toMatch(/data-claim="1"[^>]*><span class="hl" data-claim="2"[^>]*>۴ درصد رسیده است<\/span><\/span>/);
    // Claim 4 is nested inside claim 3.
    expect(articleBody(html)).toMatch(/data-claim="3"[^>]*><span class="hl hl-pending" data-claim="4"[^>]*>inflation halved<\/span><\/span>/);
  });

  it('numbers each highlighted claim with a marker linking to its card', () => {
    for (const claim of vm.claims.filter((c) => !c.orphaned)) {
      expect(html).toContain(`<a href="#claim-${claim.number}" aria-label="Claim ${claim.number}">[${claim.number}]</a>`);
      expect(html).toContain(`id="claim-${claim.number}"`);
    }
    expect(articleBody(html)).not.toContain('#claim-7');
  });

  it('colours highlights and chips from the verdict scale, neutral for pending', () => {
    expect(html).toMatch(/data-claim="1"[^>]*--line:#c62828/);
    expect(html).toContain('<span class="chip" style="--c:#c62828;--on:#ffffff">False</span>');
    expect(html).toContain('<span class="chip" style="--c:#b58a00;--on:#111111">Half true</span>');
    expect(html).toMatch(/data-claim="4"[^>]*--line:#8c959f/);
  });

  it('summarises verdicts, including Pending', () => {
    const summary = /<ul class="tally">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(summary).toMatch(/>False<\/span><b>2<\/b>/);
    expect(summary).toMatch(/>Unproven<\/span><b>1<\/b>/);
    expect(summary).toMatch(/>Pending<\/span><b>1<\/b>/);
    expect(summary).toMatch(/class="zero"><span[^>]*>True<\/span><b>0<\/b>/);
    expect(html).toContain('<span class="num">7</span> claims examined · 6 rated · 1 pending');
  });

  it('shows claim details: quote, claim, claimant, verdict, rationale, sources, reviewers, status', () => {
    const card = /<article class="claim" id="claim-5"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(card).toContain('<span class="claim-no" aria-label="Claim 5">5</span>');
    expect(card).toContain('>Half true</span>');
    expect(card).toContain('Resolved');
    expect(card).toContain('-1 point: the post existed');
    expect(card).toContain('<a href="https://archive.example.org/post?id=1&amp;view=%3Cfull%3E"><bdi>Archived post (2024)</bdi></a>');
    expect(card).toContain('Example Archive');
    expect(card).toContain('accessed 3 March 2024');
    // The passage links to its place on the page (two lines: a textStart,textEnd range).
    expect(card).toContain(
      '<blockquote dir="auto" cite="https://archive.example.org/post?id=1&amp;view=%3Cfull%3E"><p><a class="passage" href="https://archive.example.org/post?id=1&amp;view=%3Cfull%3E#:~:text=He%20also%20wrote%E2%80%A6,%E2%80%A6in%20a%20post.">He also wrote…<br/>…in a post.</a></p></blockquote>',
    );
    expect(card).toMatch(/Sara Lindqvist<\/span><span class="chip"[^>]*>Half true<\/span>/);
    expect(card).toContain('1 March 2024');
  });

  it('marks pending claims as Pending', () => {
    const card = /<article class="claim" id="claim-4"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(card).toContain('<span class="chip pending">Pending</span>');
    expect(card).toContain('Verdict pending');
  });

  it('lists orphaned claims separately with a note', () => {
    const orphans = /<section aria-labelledby="orphans-h">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(orphans).toContain('id="claim-7"');
    expect(orphans).toContain('Text no longer in the article');
    expect(orphans).toContain('بانک مرکزی ۹۰۰ هزار میلیارد ریال چاپ کرد');
  });

  it('does not leak e-mail addresses', () => {
    expect(html).not.toContain('@example.org');
  });

  it('has a print stylesheet', () => {
    expect(html).toMatch(/@page\s*\{[^}]*margin/);
    expect(html).toMatch(/@media print[\s\S]*break-inside: avoid/);
    expect(html).toMatch(/a\[href\^="http"\][^{]*::after\s*\{[^}]*attr\(href\)/);
  });

  it('renders an article without claims or text', async () => {
    const empty = await renderHtmlReport({ ...vm, claims: [], article: { ...vm.article, text: '', url: null } });
    expect(empty).toContain('The article has no text.');
    expect(empty).toContain('No claims have been marked');
    expect(empty).toContain('<span class="num">0</span> claims examined');
  });

  it('survives a malformed verdict colour without emitting it into CSS', async () => {
    const [first, ...rest] = vm.claims;
    if (!first?.finalVerdict) throw new Error('fixture claim 1 has a verdict');
    const evil = { ...first, finalVerdict: { ...first.finalVerdict, color: 'red;background:url(http://x)' } };
    const out = await renderHtmlReport({ ...vm, claims: [evil, ...rest] });
    expect(out).not.toContain('url(http://x)');
  });
});

describe('HTML report with CRLF text', () => {
  it('keeps highlights on the right words when the stored text uses CRLF', async () => {
    const vm = buildFixtureViewModel();
    const text = 'First line.\r\nSecond claim here.\r\n\r\nThird paragraph.';
    const [claim] = vm.claims;
    if (!claim) throw new Error('fixture has claims');
    const start = text.indexOf('claim here');
    const crlf = { ...claim, start, end: start + 'claim here'.length, quote: { exact: 'claim here', prefix: '', suffix: '' } };
    const out = await renderHtmlReport({ ...vm, article: { ...vm.article, text }, claims: [crlf] });
    expect(out).toMatch(/data-claim="1"[^>]*>claim here<\/span>/);
    expect(out).toContain('First line.<br/>Second ');
    expect(out).toContain('<p dir="auto">Third paragraph.</p>');
  });
});

/** The <article class="claim"> card with this anchor. */
function card(doc: string, number: number): string {
  return new RegExp(`<article class="claim[^"]*" id="claim-${number}"[\\s\\S]*?</article>`).exec(doc)?.[0] ?? '';
}

describe('HTML report of a published, corrected fact-check (internal)', async () => {
  const published = buildPublishedFixtureViewModel();
  const out = await renderHtmlReport(published);

  it('shows the correction near the top, before the metadata and the summary', () => {
    const notice = out.indexOf('<section class="notice corrections"');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(out.indexOf('<dl class="meta">'));
    expect(out).toContain('<li dir="auto">Correction, 10 March 2024: Claim 2: the national rate is the lowest since 2013, not 2010.</li>');
    expect(out).toMatch(/<dt>Fact-check published<\/dt><dd>8 March 2024<\/dd>/);
    expect(out).toMatch(/<dt>Last corrected<\/dt><dd>10 March 2024<\/dd>/);
    expect(out).not.toContain('class="notice retraction"');
  });

  it('lists the excluded claim in its own section with the reason, and never counts it', () => {
    const excluded = /<section aria-labelledby="excluded-h">([\s\S]*?)<\/section>/.exec(out)?.[1] ?? '';
    expect(excluded).toContain('<h2 id="excluded-h">Not part of the fact-check</h2>');
    expect(excluded).toContain('id="claim-8"');
    expect(excluded).toContain('Attribution only &lt;not&gt; a factual claim.');
    const checked = /<section aria-labelledby="claims-h">([\s\S]*?)<\/section>/.exec(out)?.[1] ?? '';
    expect(checked).not.toContain('id="claim-8"');
    expect(out).toContain('<span class="num">7</span> claims examined · 6 rated · 1 pending');
    expect(out).toContain('1 more claim was marked but left out of the fact-check');
    const tally = /<ul class="tally">([\s\S]*?)<\/ul>/.exec(out)?.[1] ?? '';
    expect(tally).toMatch(/>Pending<\/span><b>1<\/b>/);
  });

  it('anchors and markers use the stable number, wherever the claim stands in the text', () => {
    const body = articleBody(out);
    expect(body).toContain('<a href="#claim-8" aria-label="Claim 8">[8]</a>');
    expect(body.indexOf('#claim-8')).toBeLessThan(body.indexOf('#claim-3'));
    expect(body).toMatch(/<span class="hl hl-excluded" data-claim="8" title="Claim 8: Not part of the fact-check"/);
    for (const claim of published.claims) expect(out.match(new RegExp(`id="claim-${claim.number}"`, 'g'))).toHaveLength(1);
  });

  it('marks each source Internal or Public', () => {
    const c5 = card(out, 5);
    expect(c5).toMatch(/<li class="internal"><span class="vis vis-internal">Internal<\/span> <bdi>Totally safe link<\/bdi>/);
    expect(c5).toMatch(/<li><span class="vis vis-public">Public<\/span> <a href="https:\/\/archive\.example\.org/);
  });

  it('has a right-of-reply block: date, method, contact, response or “No response”', () => {
    const c1 = card(out, 1);
    expect(c1).toContain('<h4>Right of reply</h4>');
    const replies = /<ul class="replies">([\s\S]*?)<\/ul>/.exec(c1)?.[1] ?? '';
    expect(replies).toContain('<span class="who">6 March 2024</span><span class="acc">Email</span>');
    expect(replies).toContain('<bdi>Ministry press office (press desk &lt;office&gt;)</bdi>');
    expect(replies).toContain('The minister was quoting the figure for one province.<span class="acc"> (replied 7 March 2024)</span>');
    expect(replies).toContain('<span class="acc">Phone</span>');
    expect(replies).toContain('<span class="why empty" dir="auto">No response</span>');
    expect(replies).toContain('Not shown publicly');
    expect(card(out, 2)).not.toContain('Right of reply');
  });

  it('shows public comments as notes from the desk, and reviewers', () => {
    const c1 = card(out, 1);
    expect(c1).toContain('<h4>Note from the desk</h4>');
    expect(c1).toContain('Update: the ministry has since published the national figure.');
    expect(c1).not.toContain('Checked the provincial table too.');
    expect(c1).toContain('<h4>Reviewers</h4>');
  });

  it('puts a retraction notice first', async () => {
    const retracted = await renderHtmlReport({ ...published, article: { ...published.article, status: 'retracted' }, publication: { ...published.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: 'The <b>figures</b> were wrong.' } } });
    const notice = /<section class="notice retraction" role="note"[^>]*>([\s\S]*?)<\/section>/.exec(retracted)?.[1] ?? '';
    expect(notice).toContain('<b>This fact-check was retracted on 12 March 2024.</b>');
    expect(notice).toContain('The &lt;b&gt;figures&lt;/b&gt; were wrong.');
    expect(retracted.indexOf('class="notice retraction"')).toBeLessThan(retracted.indexOf('class="notice corrections"'));
  });
});

describe('HTML report for the public audience', async () => {
  const published = buildPublishedFixtureViewModel();
  const out = await renderHtmlReport({ ...published, audience: 'public' });

  it('leaves out excluded claims, internal sources, reviewers, comments, contacts, status and workspace', () => {
    expect(out).not.toContain('id="claim-8"');
    expect(out).not.toContain('data-claim="8"');
    expect(out).not.toContain('Not part of the fact-check');
    expect(out).not.toContain(FIXTURE_EXCLUDED_CLAIM_ID);
    expect(out).not.toContain('Totally safe link');
    expect(out).not.toContain('tips.example.net');
    expect(out.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/vis-(internal|public)/);
    expect(out).not.toContain('<h4>Reviewers</h4>');
    expect(out).not.toContain('Sara Lindqvist');
    expect(out).not.toContain('Checked the provincial table too.');
    expect(out).not.toContain('press desk');
    expect(out).not.toContain('Spokesperson, mobile');
    expect(out).not.toContain('class="status"');
    expect(out).not.toContain('Verification desk');
    expect(out).not.toContain('Report generated');
    expect(out).not.toContain('revision 4');
  });

  it('keeps verdicts, public sources, replies shown publicly, desk notes and corrections', () => {
    const c1 = card(out, 1);
    expect(c1).toContain('>False</span>');
    expect(c1).toContain('amar.example.ir');
    expect(c1).toContain('<h4>Right of reply</h4>');
    expect(c1).toContain('The minister was quoting the figure for one province.');
    expect(c1).not.toContain('No response');
    expect(c1).toContain('<h4>Note from the desk</h4>');
    expect(out).toContain('Correction, 10 March 2024');
    expect(out).toContain('<span class="num">7</span> claims examined');
  });
});

describe('HTML report with multi-part claims and quoted passages', async () => {
  const multi = buildMultiPartFixtureViewModel();
  const doc = await renderHtmlReport(multi);
  const card = (n: number) => /<article class="claim"[^>]*id="claim-(\d+)"[\s\S]*?<\/article>/g[Symbol.match](doc)?.find((a) => a.includes(`id="claim-${n}"`)) ?? '';
  const twoPart = multi.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;

  it('highlights every part of a multi-part claim, and each highlight is exactly its part', () => {
    const body = articleBody(doc);
    const { text, byClaim } = readHighlights(body);
    expect(text).toBe(multi.article.text);
    expect(byClaim.get(FIXTURE_TWO_PART_CLAIM_NUMBER)).toBe(twoPart.parts!.map((p) => p.quote.exact).join(''));
    expect(body.match(new RegExp(`data-claim="${FIXTURE_TWO_PART_CLAIM_NUMBER}"`, 'g'))?.length).toBeGreaterThanOrEqual(2);
    // The second part overlaps claim 3: nested spans, still well-formed.
    expect(body).toMatch(new RegExp(`data-claim="3"[^>]*><span class="hl" data-claim="${FIXTURE_TWO_PART_CLAIM_NUMBER}"[^>]*>Exports grew 🚀 by 12%</span>`));
    // The partly orphaned claim: only its remaining part is highlighted.
    expect(byClaim.get(FIXTURE_PARTIAL_CLAIM_NUMBER)).toBe('appeared in a caption');
    // Every highlighted claim still matches: the single-part ones unchanged.
    for (const claim of multi.claims.filter((c) => !c.orphaned && !c.parts)) expect(byClaim.get(claim.number)).toBe(claim.quote.exact);
  });

  it('puts the [n] marker after the last part only', () => {
    const body = articleBody(doc);
    const marker = `<a href="#claim-${FIXTURE_TWO_PART_CLAIM_NUMBER}" aria-label="Claim ${FIXTURE_TWO_PART_CLAIM_NUMBER}">[${FIXTURE_TWO_PART_CLAIM_NUMBER}]</a>`;
    expect(body.split(marker)).toHaveLength(2);
    expect(body.indexOf(marker)).toBeGreaterThan(body.indexOf('Exports grew'));
  });

  it("shows a multi-part claim's quote as its parts joined by ' … '", () => {
    expect(card(FIXTURE_TWO_PART_CLAIM_NUMBER)).toContain(`<blockquote class="quote" dir="auto" lang="fa"><p>${twoPart.parts![0]!.quote.exact} … Exports grew 🚀 by 12%</p></blockquote>`);
    expect(card(FIXTURE_TWO_PART_CLAIM_NUMBER)).not.toContain('orphan-note');
  });

  it('marks the gone part of a partly orphaned claim, which stays among the claims checked', () => {
    const partial = card(FIXTURE_PARTIAL_CLAIM_NUMBER);
    expect(partial).toContain(`<span class="part-gone">${FIXTURE_GONE_PART}</span><span class="part-note"> (no longer in the article)</span> … appeared in a caption`);
    expect(partial).toContain('<p class="orphan-note">Part of the quoted text is no longer in the article');
    expect(doc.indexOf(`id="claim-${FIXTURE_PARTIAL_CLAIM_NUMBER}"`)).toBeLessThan(doc.indexOf('id="orphans-h"'));
    // No claim statement: the heading is not repeated from the quote.
    expect(partial).not.toContain('<h3');
  });

  it('links a quoted passage to its place on the source page with a text fragment', () => {
    const sources = card(FIXTURE_TWO_PART_CLAIM_NUMBER);
    expect(sources).toContain(
      '<blockquote dir="auto" cite="https://customs.example.org/annual-report-2023#summary"><p><a class="passage" href="https://customs.example.org/annual-report-2023#summary:~:text=In%202023%2C-,Non%2Doil%20exports%20grew%207%25%2C%20year%2Don%2Dyear%20%26%20in%20real%20terms,-according%20to%20the">Non-oil exports grew 7%, year-on-year &amp; in real terms</a></p></blockquote>',
    );
    // The title still links the page itself.
    expect(sources).toContain('<a href="https://customs.example.org/annual-report-2023#summary"><bdi>Customs annual report 2023</bdi></a>');
    // A passage over two lines: a range (textStart,textEnd), line break kept in the quotation.
    expect(sources).toContain('href="https://tips.example.net/inbox/91#:~:text=The%2012%25%20figure,was%20a%20projection.">The 12% figure<br/>was a projection.</a>');
  });

  it('never links the passage of a source whose URL is not http(s)', async () => {
    const bad = await renderHtmlReport({ ...multi, claims: multi.claims.map((c) => ({ ...c, sources: c.sources.map((src) => ({ ...src, url: 'javascript:alert(1)' })) })) });
    expect(bad).not.toContain('class="passage"');
    expect(bad).not.toContain('href="javascript');
    expect(bad).toContain('<blockquote dir="auto"><p>Non-oil exports grew 7%, year-on-year &amp; in real terms</p></blockquote>');
  });

  it('public audience: the same joining and passage links, internal passages left out', async () => {
    const pub = await renderHtmlReport(toPublicationAudience({ ...multi, publication: buildPublishedFixtureViewModel().publication }));
    expect(pub).toContain(' … Exports grew 🚀 by 12%');
    expect(pub).toContain(':~:text=In%202023%2C-,Non%2Doil');
    expect(pub).not.toContain('was a projection');
  });
});
