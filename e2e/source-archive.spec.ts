import path from 'node:path';
import { ARTIFACTS, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * Archived copies of cited sources (issue 13 item 6): attaching a source whose page is on the local
 * web fixture server takes a copy in the background (page, readable text, PDF by Chromium with
 * scripts off); a dead link says why and can be tried again.
 */

const TEXT = ['The mayor claimed that unemployment in the city fell to 4 percent last year.', 'The bridge will cost 40 million euros, the council said.'].join('\n\n');

test('attaching a source archives its page: PDF and readable text; a dead link says why', async ({ page, web }) => {
  test.setTimeout(180_000);
  await signIn(page, 'editor');
  const id = await importArticle(page, `Archive check ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);
  await article.markClaim('unemployment in the city fell to 4 percent');

  const sources = page.locator('section[aria-labelledby="sources-heading"]');
  const addSource = async (url: string, title: string) => {
    await sources.getByRole('button', { name: 'Add source' }).click();
    const form = page.getByTestId('source-form');
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Title').fill(title);
    const created = page.waitForResponse((r) => /\/api\/claims\/[^/]+\/sources$/.test(r.url()) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add source' }).click();
    expect((await created).status()).toBe(201);
    return sources.getByTestId('source-item').filter({ hasText: title });
  };

  // A page on the "web": archived in the background, then shown with its links.
  const good = await addSource(`${web.origin}/news/story.html`, 'Daily Example story');
  const goodArchive = good.getByTestId('source-archive');
  // Taking the copy includes a Chromium start: give the background job room (not a timing assertion).
  await expect(goodArchive).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(goodArchive).toContainText(/Archived copy, taken at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(good.getByTestId('archive-pdf')).toHaveText('PDF');
  await expect(good.getByTestId('archive-text')).toHaveText('Readable text');
  await good.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'source-archive-done.png') });

  const pdfHref = (await good.getByTestId('archive-pdf').getAttribute('href'))!;
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^inline; filename="archived-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const textHref = (await good.getByTestId('archive-text').getAttribute('href'))!;
  const text = await page.request.get(textHref);
  expect(text.status()).toBe(200);
  expect(text.headers()['content-security-policy']).toContain("default-src 'none'");
  const textBody = await text.text();
  expect(textBody).toContain('on Tuesday evening to fund a new bridge across the river');
  expect(textBody).not.toContain('BUY CHEAP FLIGHTS');
  expect(textBody).not.toContain('changed by a script');

  // The page as fetched: served sandboxed, never as the app's own origin.
  const fetched = await page.request.get(`/api/sources/${(pdfHref.match(/\/api\/sources\/([^/]+)\//) ?? [])[1]}/archive/view?as=page`);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  expect(fetched.headers()['x-content-type-options']).toBe('nosniff');

  const reader = await page.context().newPage();
  await reader.goto(textHref);
  await expect(reader.getByText(/^Archived copy/)).toBeVisible();
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('river bridge');
  await reader.screenshot({ path: path.join(ARTIFACTS, 'source-archive-readable.png'), fullPage: true });
  await reader.close();

  // A dead link: the copy fails with the reason, and can be tried again.
  const dead = await addSource(`${web.origin}/news/no-such-story.html`, 'Dead link');
  const deadArchive = dead.getByTestId('source-archive');
  await expect(deadArchive).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(dead.getByTestId('archive-error')).toContainText(`Could not archive: The page at ${web.origin}/news/no-such-story.html answered 404 Not Found`);
  await dead.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'source-archive-failed.png') });

  // The page appears later: "Try again" takes it.
  await web.setPage('/news/no-such-story.html', '<!doctype html><title>Late story</title><p>It exists now, with enough words to read as an article about the bridge.</p>');
  const retried = page.waitForResponse((r) => r.url().endsWith('/archive') && r.request().method() === 'POST');
  await dead.getByRole('button', { name: 'Try again' }).click();
  expect((await retried).status()).toBe(202);
  await expect(deadArchive).toHaveAttribute('data-status', 'done', { timeout: 90_000 });

  // After a reload the state comes from the server.
  await page.reload();
  await article.listItems().filter({ hasText: 'unemployment in the city fell to 4 percent' }).click();
  await expect(sources.getByTestId('source-item').filter({ hasText: 'Dead link' }).getByTestId('source-archive')).toHaveAttribute('data-status', 'done');
  await expect(sources.getByTestId('source-item').filter({ hasText: 'Daily Example story' }).getByTestId('archive-pdf')).toBeVisible();
});
