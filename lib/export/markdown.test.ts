import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from './markdown';
import {
  FIXTURE_GONE_PART,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildFixtureViewModel,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';

const vm = buildFixtureViewModel();
const md = renderMarkdownReport(vm);

function section(heading: string): string {
  const start = md.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const next = md.indexOf('\n## ', start + heading.length);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('Markdown report', () => {
  it('has a title, metadata, summary table, article and claims', () => {
    expect(md.startsWith('# Fact-check report: ادعاهای اقتصادی وزیر — "Economy" claims \\& \\<figures\\>\n')).toBe(true);
    expect(md).toContain('- **Outlet:** News Example');
    expect(md).toContain('- **Original article:** [https://news.example.com/economy/2024/minister?ref=a\\&b=1](<https://news.example.com/economy/2024/minister?ref=a&b=1>)');
    expect(md).toContain('| Verdict | Claims |\n| :-- | --: |');
    expect(md).toContain('| False | 2 |');
    expect(md).toContain('## The article');
    expect(md).toContain('### 1. نرخ بیکاری در سال ۱۴۰۲ به ۴ درصد رسید 🙂');
  });

  it('never emits raw HTML from user text', () => {
    expect(md).not.toMatch(/(?<!\\)<(script|img|b)\b/i);
    expect(md).toContain('He also wrote \\<script\\>alert(1)\\</script\\> in a post');
  });

  it('never links a non-http(s) URL', () => {
    // Link destinations follow an unescaped "](".
    const destinations = [...md.matchAll(/(?<!\\)\]\(<?([^)>\s]*)/g)].map((m) => m[1] ?? '');
    expect(destinations.length).toBeGreaterThan(3);
    for (const url of destinations) expect(url).toMatch(/^https?:\/\//);
    expect(md).not.toMatch(/<(javascript|data):/i);
    // The bad source is shown as inert text.
    expect(md).toContain('1. _Internal:_ Totally safe link (javascript:alert(1)) — Evil Corp, accessed 2 March 2024');
    // A fake link in a rationale stays text.
    expect(md).toContain('\\[the script\\](javascript:alert(1))');
  });

  it('marks claims in the article with bold numbers that CommonMark will render bold', () => {
    const article = section('## The article');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(article).toMatch(new RegExp(`\\s\\*\\*\\[${n}\\]\\*\\*(\\s|[\\p{P}]|$)`, 'u'));
    expect(article).not.toContain('**[7]**');
    expect(article).toContain('inflation halved **[4]**. **[3]**"\\\nHe also wrote');
  });

  it('escapes Markdown-significant characters in the article and neutralises line-start syntax', () => {
    const article = section('## The article');
    expect(article).toContain('\\*budget\\* \\& \\[subsidies\\]');
    expect(article).toContain('\n\\=HYPERLINK("http://evil.example","click") **[6]**');
    expect(md).toContain('\\-1 point: the post existed');
    expect(md).toContain('\\+1 for creativity');
    expect(md).toContain('— \\# not a heading');
  });

  it('preserves RTL text, ZWNJ and emoji', () => {
    expect(md).toContain('سه\u200cشنبه');
    expect(md).toContain('پایین\u200cترین');
    expect(md).toContain('🚀');
    expect(md).toContain('🇮🇷');
  });

  it('quotes claims and excerpts as blockquotes', () => {
    expect(md).toContain('> نرخ بیکاری به ۴ درصد رسیده است');
    expect(md).toContain('   > He also wrote…\\\n   > …in a post.');
  });

  it('shows pending claims as Pending and orphans with a note', () => {
    expect(md).toContain('### 4. Inflation halved in 2023.\n\n> inflation halved\n\n- **Verdict:** **Pending**');
    expect(md).toContain('| Pending | 1 |');
    const orphans = section('## Claims no longer in the article');
    expect(orphans).toContain('### 7. The central bank printed 900 trillion rials.');
    expect(orphans).toContain('Text no longer in the article');
  });

  it('does not leak e-mail addresses', () => {
    expect(md).not.toContain('@example.org');
  });
});

describe('Markdown report of a published, corrected fact-check', () => {
  const published = buildPublishedFixtureViewModel();
  const out = renderMarkdownReport(published);
  const part = (heading: string) => {
    const start = out.indexOf(heading);
    if (start < 0) throw new Error(`no section ${heading}`);
    const next = out.indexOf('\n## ', start + heading.length);
    return out.slice(start, next < 0 ? undefined : next);
  };

  it('shows the correction right under the title, and the publication dates', () => {
    const top = out.slice(0, out.indexOf('## Summary'));
    expect(top).toContain('> Correction, 10 March 2024: Claim 2: the national rate is the lowest since 2013, not 2010.');
    expect(top).toContain('- **Fact-check published:** 8 March 2024');
    expect(top).toContain('- **Last corrected:** 10 March 2024');
  });

  it('lists the excluded claim apart, with its stable number and reason, and never counts it', () => {
    const excluded = part('## Not part of the fact-check');
    expect(excluded).toContain('### 8. The spokesperson added a remark.');
    expect(excluded).toContain('- **Why it is not part of the fact-check:** Attribution only \\<not\\> a factual claim.');
    expect(part('## Claims checked')).not.toContain('### 8.');
    expect(part('## Summary')).toContain('7 claims examined: 6 rated, 1 pending. 1 more claim was left out of the fact-check (not counted).');
    // Its marker in the article uses its own number, wherever it stands in the text.
    expect(part('## The article')).toMatch(/The spokesperson added \*\*\[8\]\*\*/);
  });

  it('has a right-of-reply block with contacts (internal report) and “No response”', () => {
    const claim1 = out.slice(out.indexOf('### 1. '), out.indexOf('### 2. '));
    expect(claim1).toContain('**Right of reply:**');
    expect(claim1).toContain('- 6 March 2024, Email (Ministry press office (press desk \\<office\\>)): The minister was quoting the figure for one province. (replied 7 March 2024)');
    expect(claim1).toContain('- 6 March 2024, Phone (Spokesperson, mobile +98 21 5550 0100): No response _(not shown publicly)_');
    expect(claim1).toContain('**Note from the desk:**\n\n- Update: the ministry has since published the national figure. (7 March 2024)');
    expect(claim1).not.toContain('Checked the provincial table');
  });

  it('for the public audience: public sources, replies shown publicly without contacts, no reviewers, status or workspace', () => {
    const pub = renderMarkdownReport({ ...published, audience: 'public' });
    expect(pub).not.toContain('Not part of the fact-check');
    expect(pub).not.toContain('**[8]**');
    expect(pub).not.toContain('Totally safe link');
    expect(pub).not.toContain('tips.example.net');
    expect(pub).not.toContain('_Internal:_');
    expect(pub).not.toContain('_Public:_');
    expect(pub).not.toContain('**Reviewers:**');
    expect(pub).not.toContain('- **Status:**');
    expect(pub).not.toContain('Verification desk');
    expect(pub).not.toContain('press desk');
    expect(pub).not.toContain('No response');
    expect(pub).toContain('- 6 March 2024, Email: The minister was quoting the figure for one province. (replied 7 March 2024)');
    expect(pub).toContain('> Correction, 10 March 2024');
  });

  it('puts a retraction notice at the top', () => {
    const retracted = renderMarkdownReport({ ...published, publication: { ...published.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: '# The figures were wrong.' } } });
    const top = retracted.slice(0, retracted.indexOf('## Summary'));
    expect(top).toContain('> **This fact-check was retracted on 12 March 2024.**\\\n> \\# The figures were wrong.');
  });
});

describe('Markdown report with multi-part claims and quoted passages', () => {
  const multi = buildMultiPartFixtureViewModel();
  const out = renderMarkdownReport(multi);
  const twoPart = multi.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;

  it("quotes a multi-part claim as its parts joined by ' … '", () => {
    expect(out).toContain(`### ${FIXTURE_TWO_PART_CLAIM_NUMBER}. The economy minister said exports grew 12%.\n\n> ${twoPart.parts![0]!.quote.exact} … Exports grew 🚀 by 12%\n`);
  });

  it('strikes through and labels the gone part of a partly orphaned claim, with a note', () => {
    expect(out).toContain(`### ${FIXTURE_PARTIAL_CLAIM_NUMBER}. ${FIXTURE_GONE_PART} … appeared in a caption\n\n> ⚠️ Part of the quoted text is no longer in the article`);
    expect(out).toContain(`> ~~${FIXTURE_GONE_PART}~~ _(no longer in the article)_ … appeared in a caption`);
  });

  it('marks a multi-part claim once in the article, after its last part', () => {
    const marker = `**[${FIXTURE_TWO_PART_CLAIM_NUMBER}]**`;
    expect(out.split(marker)).toHaveLength(2);
    expect(out).toContain(`Exports grew 🚀 by 12% ${marker}`);
    expect(out).toContain(`appeared in a caption **[${FIXTURE_PARTIAL_CLAIM_NUMBER}]**`);
  });

  it('links each quoted passage to its place on the page', () => {
    expect(out).toContain(
      '   > Non-oil exports grew 7%, year-on-year \\& in real terms\n   >\n   > [Go to the passage](<https://customs.example.org/annual-report-2023#summary:~:text=In%202023%2C-,Non%2Doil%20exports%20grew%207%25%2C%20year%2Don%2Dyear%20%26%20in%20real%20terms,-according%20to%20the>)',
    );
    // No passage, no link; a non-http(s) source never gets one.
    expect(out.match(/Go to the passage/g)).toHaveLength(multi.claims.flatMap((c) => c.sources).filter((s) => s.excerpt.trim() && s.url.startsWith('http')).length);
    const bad = renderMarkdownReport({ ...multi, claims: multi.claims.map((c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, url: 'javascript:alert(1)' })) })) });
    expect(bad).not.toContain('Go to the passage');
  });

  it('keeps private-use marks in user text from turning into markup', () => {
    const sneaky = renderMarkdownReport({
      ...multi,
      claims: multi.claims.map((c) => (c.parts ? { ...c, parts: c.parts.map((p) => ({ ...p, quote: { ...p.quote, exact: `\uE001x\uE000${p.quote.exact}` } })) } : c)),
    });
    const quote = sneaky.slice(sneaky.indexOf(`### ${FIXTURE_PARTIAL_CLAIM_NUMBER}.`)).split('\n\n')[2] ?? '';
    expect(quote).toBe(`> ~~x${FIXTURE_GONE_PART}~~ _(no longer in the article)_ … x${'appeared in a caption'}`);
    expect(sneaky.match(/~~/g)).toHaveLength(2);
  });
});
