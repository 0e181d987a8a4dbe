import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * A structured article (headings, lists, a quote, links, bold/italic, a Persian paragraph) in the
 * workbench and in the exports: links shown but not followed, each paragraph in its own direction,
 * a claim marked across a heading and the paragraph after it, the structure in HTML and PDF.
 */
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (value: string) => ({ type: 'listItem', content: [paragraph(text(value))] });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } });

const PERSIAN = 'وزیر اقتصاد گفت نرخ بیکاری به ۴ درصد رسیده است.';
const TITLE = 'گزارش بودجه: Budget day claims';

function richDoc(linkHref: string) {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Budget day')] },
      paragraph(text('The minister said the '), text('deficit fell by half', [{ type: 'bold' }]), text(', citing '), text('the treasury report', [link(linkHref)]), text('.')),
      { type: 'bulletList', content: [item('Exports grew 7 percent'), item('Imports fell 3 percent')] },
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [item('First, taxes'), item('Second, spending')] },
      { type: 'blockquote', content: [paragraph(text('We will balance the books', [{ type: 'italic' }]), text(', the minister told parliament.'))] },
      paragraph(text(PERSIAN)),
      { type: 'bulletList', content: [item('مورد اول فهرست'), item('مورد دوم')] },
      paragraph(text('An English paragraph after the Persian one.')),
    ],
  };
}

async function createRichArticle(page: Page, linkHref: string): Promise<string> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')!.id;
  const response = await page.request.post('/api/articles', {
    data: { workspaceId, title: TITLE, doc: richDoc(linkHref), importFormat: 'html', outlet: 'Test Outlet', publishedOn: '2026-11-01', language: 'en' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { article: { id: string } }).article.id;
}

test('a structured article: shown with its structure and directions, links not followed, exported with headings and lists', async ({ page, web }, testInfo) => {
  test.setTimeout(180_000);
  await web.setPage('/treasury-report', '<!doctype html><title>Treasury report</title><h1>Treasury report</h1>');
  const linkHref = `${web.origin}/treasury-report`;
  await signIn(page, 'editor');
  const id = await createRichArticle(page, linkHref);
  const article = new ArticlePage(page);
  await article.open(id);
  const body = article.text;

  // Structure.
  await expect(body.locator('h2')).toHaveText('Budget day');
  await expect(body.locator('ul').first().locator('li')).toHaveText(['Exports grew 7 percent', 'Imports fell 3 percent']);
  await expect(body.locator('ol > li')).toHaveText(['First, taxes', 'Second, spending']);
  await expect(body.locator('blockquote')).toContainText('We will balance the books');
  await expect(body.locator('blockquote em')).toHaveText('We will balance the books');
  await expect(body.locator('strong')).toHaveText('deficit fell by half');
  const anchor = body.locator('a[href]');
  await expect(anchor).toHaveText('the treasury report');
  await expect(anchor).toHaveAttribute('href', linkHref);
  // Hovering shows where it goes.
  await expect(anchor.locator('[title]')).toHaveAttribute('title', new RegExp(`^${linkHref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));

  // Directions: the Persian paragraph right to left beside the English ones; the title follows its first letters.
  const direction = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => getComputedStyle(el).direction);
  await expect.poll(() => direction(body.locator('p', { hasText: 'وزیر اقتصاد' }))).toBe('rtl');
  await expect.poll(() => direction(body.locator('p', { hasText: 'An English paragraph' }))).toBe('ltr');
  await expect.poll(() => direction(body.locator('h2'))).toBe('ltr');
  // A Persian list: the list itself right to left (its bullets on the right), an English one left to right.
  await expect.poll(() => direction(body.locator('ul', { hasText: 'مورد اول فهرست' }))).toBe('rtl');
  await expect.poll(() => direction(body.locator('ul', { hasText: 'Exports grew' }))).toBe('ltr');
  const title = page.getByRole('heading', { level: 1, name: TITLE });
  await expect(title).toHaveAttribute('dir', 'rtl');
  expect(await direction(title)).toBe('rtl');

  // A click on the link stays in the text: no navigation, no new tab. In edit mode too.
  const url = page.url();
  let opened = 0;
  page.context().on('page', () => (opened += 1));
  await anchor.click();
  await expect(body).toBeVisible();
  expect(page.url()).toBe(url);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByText('Editing article text')).toBeVisible();
  await anchor.click();
  expect(page.url()).toBe(url);
  expect(opened).toBe(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Ctrl+click opens it in a new tab, without a way back to the workbench (noopener).
  const popup = page.context().waitForEvent('page');
  await anchor.click({ modifiers: ['Control'] });
  const tab = await popup;
  await tab.waitForLoadState();
  expect(tab.url()).toBe(linkHref);
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  await tab.close();
  expect(page.url()).toBe(url);

  // A claim across the heading and the paragraph after it (the DOM's text joins blocks without a break).
  const claimId = await article.markClaim('dayThe minister said');
  await expect(page.getByTestId('claim-quote')).toHaveText(/day\s+The minister said/);
  await expect(body.locator('h2').locator(`[data-claim-id="${claimId}"]`)).toHaveText('day');
  await expect(body.locator('p').first().locator(`[data-claim-id="${claimId}"]`).first()).toContainText('The minister said');
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'rich-workbench.png'), fullPage: true });

  // The HTML export: headings two levels down, lists, the quote, the link, the claim highlighted in both blocks.
  const html = await (await page.request.get(`/api/articles/${id}/export?format=html`)).text();
  // The article's h2 is an h4 (below the report's h1 and its section h2s).
  expect(html).toContain('<h4 dir="auto">Budget <span class="hl hl-pending" data-claim="');
  expect(html).toMatch(/<ul dir="ltr"><li><p dir="auto">Exports grew 7 percent<\/p><\/li><li><p dir="auto">Imports fell 3 percent<\/p><\/li><\/ul>/);
  expect(html).toContain('<ol dir="ltr"><li><p dir="auto">First, taxes</p></li>');
  expect(html).toContain('<blockquote dir="ltr"><p dir="auto"><em>We will balance the books</em>');
  expect(html).toContain(`<a href="${linkHref}" rel="nofollow noopener noreferrer">the treasury report</a>`);
  const htmlFile = testInfo.outputPath('rich-report.html');
  writeFileSync(htmlFile, html);
  const report = await page.context().newPage();
  await report.goto(`file://${htmlFile}`);
  await expect.poll(() => report.locator('.article-body p', { hasText: 'وزیر اقتصاد' }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect.poll(() => report.locator('.article-body ul', { hasText: 'مورد اول فهرست' }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await report.locator('section[aria-labelledby="article-h"]').screenshot({ path: path.join(ARTIFACTS, 'rich-export-html.png') });
  await report.close();

  // The PDF: the same structure on paper (text extracted, and page images to look at).
  const pdfResponse = await page.request.get(`/api/articles/${id}/export?format=pdf`);
  expect(pdfResponse.status()).toBe(200);
  const pdfFile = testInfo.outputPath('rich-report.pdf');
  writeFileSync(pdfFile, await pdfResponse.body());
  const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', pdfFile, '-']).toString('utf8');
  expect(pdfText).toContain('Budget day');
  // Bullets are drawn, not text: the items are indented past the paragraphs, one per line (the page image shows the bullets).
  const indent = (line: string) => new RegExp(`^( *)${line}`, 'm').exec(pdfText)?.[1]?.length ?? -1;
  expect(indent('Exports grew 7 percent')).toBeGreaterThan(indent('An English paragraph'));
  expect(indent('Imports fell 3 percent')).toBe(indent('Exports grew 7 percent'));
  expect(pdfText).toMatch(/1\.\s+First, taxes/);
  expect(pdfText).toMatch(/2\.\s+Second, spending/);
  const prefix = path.join(ARTIFACTS, 'rich-export-pdf');
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, prefix]);
  expect(readFileSync(`${prefix}-1.png`).length).toBeGreaterThan(1000);
});
