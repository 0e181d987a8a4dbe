import type { JSONContent } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { docBlocks } from '@/lib/editor/doc-blocks';
import { buildFixtureViewModel, locate } from '@/test/fixtures/export-report';
import { articleBlocks, layoutArticle, paragraphBlocks } from './article-layout';
import { renderHtmlReport, renderHtmlReportWithReact } from './html';
import { renderMarkdownReport } from './markdown';
import { placeClaims } from './segments';
import type { ReportClaim, ReportViewModel } from './view-model';

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const h = (level: number, ...content: JSONContent[]): JSONContent => ({ type: 'heading', attrs: { level }, content });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } });

const RICH_DOC: JSONContent = {
  type: 'doc',
  content: [
    h(1, t('Budget day')),
    p(t('The minister said the '), t('deficit fell', [{ type: 'bold' }]), t(' by half, citing '), t('the treasury report', [link('https://example.org/report?a=1&b=2')]), t('.')),
    { type: 'bulletList', content: [li(p(t('Exports grew 7%'))), li(p(t('Imports fell 3%'), { type: 'hardBreak' }, t('in real terms')))] },
    { type: 'orderedList', attrs: { start: 3, type: null }, content: [li(p(t('Third, '), t('emphasised', [{ type: 'italic' }]))), li(p(t('Fourth '), t('struck', [{ type: 'strike' }])))] },
    { type: 'blockquote', content: [p(t('«نرخ بیکاری به ۴ درصد رسیده است» گفت وزیر'))] },
    h(2, t('# Not a heading *really*')),
    p(t('- not a list, '), t('linked and bold', [link('https://example.org/b'), { type: 'bold' }]), t(' end.')),
  ],
};

const { doc: CHECKED, text: RICH_TEXT } = checkArticleDoc(RICH_DOC);
const RICH_BLOCKS = docBlocks(CHECKED);

function claimOn(number: number, exact: string, extra: Partial<ReportClaim> = {}): ReportClaim {
  const base = buildFixtureViewModel().claims[0]!;
  return { ...base, id: `c-${number}`, number, ...locate(RICH_TEXT, exact), orphaned: false, parts: undefined, claimText: exact, ...extra };
}

function richViewModel(claims: ReportClaim[] = [claimOn(1, 'Budget day\n\nThe minister said'), claimOn(2, '7%\n\nImports fell'), claimOn(3, 'treasury')]): ReportViewModel {
  const vm = buildFixtureViewModel();
  return { ...vm, article: { ...vm.article, language: 'en', text: RICH_TEXT, blocks: RICH_BLOCKS }, claims };
}

function articleBody(html: string): Element {
  const body = new JSDOM(html).window.document.querySelector('section[aria-labelledby="article-h"] .article-body');
  if (!body) throw new Error('no article body');
  return body;
}

describe('the annotated article with structure (HTML and PDF)', () => {
  it('renders headings two levels down, lists, quotes, formatting and links; blocks dir="auto", lists and quotes the direction of their first words', async () => {
    const html = await renderHtmlReport(richViewModel([]));
    expect(html).toContain('<h3 dir="auto">Budget day</h3>');
    expect(html).toContain('<h4 dir="auto"># Not a heading *really*</h4>');
    expect(html).toContain('<strong>deficit fell</strong>');
    expect(html).toContain('<a href="https://example.org/report?a=1&amp;b=2" rel="nofollow noopener noreferrer">the treasury report</a>');
    expect(html).toContain('<ul dir="ltr"><li><p dir="auto">Exports grew 7%</p></li><li><p dir="auto">Imports fell 3%<br/>in real terms</p></li></ul>');
    expect(html).toContain('<ol dir="ltr" start="3"><li><p dir="auto">Third, <em>emphasised</em></p></li><li><p dir="auto">Fourth <s>struck</s></p></li></ol>');
    expect(html).toContain('<blockquote dir="rtl"><p dir="auto">«نرخ بیکاری به ۴ درصد رسیده است» گفت وزیر</p></blockquote>');
    expect(html).toContain('<p dir="auto">- not a list, <a href="https://example.org/b" rel="nofollow noopener noreferrer"><strong>linked and bold</strong></a> end.</p>');
    // The blocks' text, in order, is the article's text.
    const body = articleBody(html);
    for (const br of body.querySelectorAll('br')) br.replaceWith('\n');
    expect([...body.querySelectorAll('p, h3, h4')].map((el) => el.textContent).join('\n\n')).toBe(RICH_TEXT);
  });

  it('highlights a claim across a heading and a paragraph, and across two list items: one number, one marker', async () => {
    const html = await renderHtmlReport(richViewModel());
    const body = articleBody(html);
    const first = [...body.querySelectorAll('[data-claim="1"]')];
    expect(first.map((el) => [el.parentElement!.tagName, el.textContent])).toEqual([
      ['H3', 'Budget day'],
      ['P', 'The minister said'],
    ]);
    const second = [...body.querySelectorAll('[data-claim="2"]')];
    expect(second.map((el) => el.closest('li')!.textContent!.slice(0, 7))).toEqual(['Exports', 'Imports']);
    expect(second.map((el) => el.textContent)).toEqual(['7%', 'Imports fell']);
    for (const n of [1, 2, 3]) expect(body.querySelectorAll(`a[href="#claim-${n}"]`)).toHaveLength(1);
    // Claim 1's marker follows its last words, in the paragraph.
    expect(body.querySelector('a[href="#claim-1"]')!.closest('p, h3')!.tagName).toBe('P');
    // Claim 3 lies inside the article's link: the highlight is inside the link, the marker outside it.
    const three = body.querySelector('[data-claim="3"]')!;
    expect(three.closest('a')!.getAttribute('href')).toBe('https://example.org/report?a=1&b=2');
    expect(body.querySelector('a[href="#claim-3"]')!.closest('a[rel]')).toBeNull();
    for (const a of body.querySelectorAll('a[rel]')) expect(a.querySelector('a')).toBeNull();
  });

  it('writes the same markup as the React components', async () => {
    for (const vm of [richViewModel(), richViewModel([]), { ...richViewModel(), audience: 'public' as const }]) {
      expect(await renderHtmlReport(vm)).toBe(await renderHtmlReportWithReact(vm));
    }
  });

  it('never renders a hostile link target, even from blocks stored in a snapshot', async () => {
    const vm = richViewModel();
    const blocks = structuredClone(RICH_BLOCKS);
    const last = blocks.at(-1)!;
    last.marks = [
      { type: 'link', start: last.start, end: last.start + 3, href: 'javascript:alert(1)' },
      { type: 'link', start: last.start + 3, end: last.start + 6, href: 'data:text/html,<script>alert(1)</script>' },
      { type: 'link', start: last.start + 6, end: last.start + 8, href: '//evil.example/x' },
      { type: 'bold', start: last.start + 8, end: last.start + 9, href: 'javascript:alert(2)' },
      { type: 'script' as 'bold', start: last.start + 9, end: last.start + 10 },
    ];
    for (const render of [renderHtmlReport, renderHtmlReportWithReact]) {
      const html = await render({ ...vm, article: { ...vm.article, blocks } });
      expect(html).not.toMatch(/javascript:|data:text|evil\.example|<script/i);
      expect(articleBody(html).textContent).toContain('- not a list, linked and bold end.');
    }
    // From a document, too: the schema refuses such links, and docBlocks drops them anyway.
    const raw = docBlocks({ type: 'doc', content: [p(t('x', [link('javascript:alert(1)')]), t('y', [link('data:text/html,hi')]))] });
    expect(raw[0]!.marks).toEqual([]);
  });

  it('falls back to paragraphs when the blocks do not describe the text (or there are none)', async () => {
    const vm = richViewModel([]);
    const shifted = RICH_BLOCKS.map((b) => ({ ...b, start: b.start + 1 }));
    for (const article of [{ ...vm.article, blocks: shifted }, { ...vm.article, blocks: undefined }, { ...vm.article, blocks: 'x' as never }]) {
      const html = await renderHtmlReport({ ...vm, article });
      expect(html).not.toContain('<h3 dir="auto">');
      expect(html).toContain('<p dir="auto">Budget day</p>');
      expect(articleBlocks(article)).toEqual(paragraphBlocks(RICH_TEXT));
    }
  });

  it('keeps the numbers of an ordered list and the items of a list whose paragraph is empty', () => {
    const { doc, text } = checkArticleDoc({ type: 'doc', content: [{ type: 'orderedList', attrs: { start: 1, type: null }, content: [li(p()), li(p(t('two')))] }, p()] });
    const nodes = layoutArticle({ text, blocks: docBlocks(doc) }, placeClaims(text, []));
    expect(nodes).toHaveLength(1); // the empty top-level paragraph is left out
    expect(nodes[0]).toMatchObject({ kind: 'container', type: 'orderedList', children: [{ type: 'listItem' }, { type: 'listItem' }] });
  });
});

describe('the annotated article with structure (Markdown)', () => {
  const md = renderMarkdownReport(richViewModel());
  const article = md.slice(md.indexOf('## The article'), md.indexOf('## Claims checked'));

  it('renders headings two levels down, lists, quotes, formatting and escaped links', () => {
    // A marker inside a link comes between two halves of it: a link never holds the marker's own link.
    expect(article).toContain(
      '### Budget day\n\nThe minister said **[1]** the **deficit fell** by half, citing [the treasury](<https://example.org/report?a=1&b=2>) **[3]** [report](<https://example.org/report?a=1&b=2>).\n\n',
    );
    expect(article).toContain('- Exports grew 7%\n- Imports fell **[2]** 3%\\\n  in real terms\n\n3. Third, *emphasised*\n4. Fourth ~~struck~~\n\n> «نرخ بیکاری به ۴ درصد رسیده است» گفت وزیر\n\n#### \\# Not a heading \\*really\\*\n\n\\- not a list, [**linked and bold**](<https://example.org/b>) end.');
  });

  it('parses back (CommonMark) into the same structure, with no link but http(s)', () => {
    const html = new MarkdownIt().render(article);
    const doc = new JSDOM(html).window.document;
    expect([...doc.querySelectorAll('h3, h4')].map((el) => el.textContent)).toEqual(['Budget day', '# Not a heading *really*']);
    expect([...doc.querySelectorAll('ul > li')].map((el) => el.textContent)).toEqual(['Exports grew 7%', 'Imports fell [2] 3%\nin real terms']);
    expect(doc.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect(doc.querySelector('blockquote')!.textContent!.trim()).toBe('«نرخ بیکاری به ۴ درصد رسیده است» گفت وزیر');
    expect([...doc.querySelectorAll('strong')].map((el) => el.textContent)).toEqual(['[1]' /* the note on markers */, '[1]', 'deficit fell', '[3]', '[2]', 'linked and bold']);
    expect(doc.querySelector('li em')!.textContent).toBe('emphasised');
    expect(doc.querySelector('s')!.textContent).toBe('struck');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/report?a=1&b=2', 'https://example.org/report?a=1&b=2', 'https://example.org/b']);
  });

  it('keeps two lists in a row apart and leaves out emphasis CommonMark would not read', () => {
    const { doc, text } = checkArticleDoc({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [li(p(t('a')))] },
        { type: 'bulletList', content: [li(p(t('b')))] },
        p(t('x'), t('"quoted"', [{ type: 'bold' }]), t('y')),
      ],
    });
    const vm = { ...richViewModel([]), article: { ...richViewModel([]).article, text, blocks: docBlocks(doc) } };
    const out = renderMarkdownReport(vm);
    expect(out).toContain('- a\n\n* b\n\nx"quoted"y');
    const html = new MarkdownIt().render(out.slice(out.indexOf('## The article')));
    expect(new JSDOM(html).window.document.querySelectorAll('ul')).toHaveLength(2);
  });
});
