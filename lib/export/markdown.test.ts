import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from './markdown';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

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
    expect(md).toContain('1. Totally safe link (javascript:alert(1)) — Evil Corp, accessed 2 March 2024');
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
