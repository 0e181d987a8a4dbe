import type { Page } from '@playwright/test';
import { expect, importArticle, signIn, test } from './fixtures';

const TEXT = [
  'The minister said unemployment fell to 4 percent last year.',
  'Economists at the central bank put the rate at 5.2 percent.',
].join('\n\n');

interface ReplyDto {
  id: string;
  contactedOn: string;
  method: string;
  contact: string;
  response: string | null;
  respondedOn: string | null;
  showPublicly: boolean;
  version: number;
}

async function replies(page: Page, claimId: string): Promise<ReplyDto[]> {
  const response = await page.request.get(`/api/claims/${claimId}/replies`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { replies: ReplyDto[] }).replies;
}

/** The seeded, already published demo fact-check (db/seed/city-budget.ts). */
async function publishedDemoArticleId(page: Page): Promise<string> {
  await page.goto('/articles');
  const href = await page.getByRole('link', { name: /Riverton council approves/ }).getAttribute('href');
  if (!href) throw new Error('Published demo article link not found');
  return href.split('/').pop()!;
}

test.describe('right of reply', () => {
  test('log an attempt with no response shown publicly, then edit it to add the response', async ({ page, article }) => {
    await signIn(page, 'editor');
    // An article of its own, so the seeded demo data stays as it is.
    const id = await importArticle(page, `Right of reply ${Date.now()}`, TEXT);
    await article.open(id);
    const claimId = await article.markClaim('unemployment fell to 4 percent last year');

    const log = page.getByTestId('claim-detail').getByTestId('reply-log');
    await expect(log).toBeVisible();
    await expect(log).toContainText('No attempts logged yet.');
    await log.getByTestId('add-reply-button').click();

    const form = log.getByTestId('reply-form');
    const contactedOn = await form.getByLabel('Date contacted').inputValue();
    expect(contactedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Method').selectOption({ label: 'Phone' });
    await form.getByLabel('Contact', { exact: true }).fill('Ministry press office, +1 555 0100');
    await form.getByLabel('Show on the public page').check();
    // A response date without a response is refused in the browser, before any request.
    await form.getByLabel('Response date').fill(contactedOn);
    await form.getByRole('button', { name: 'Log attempt' }).click();
    await expect(form.getByText('Add the response, or clear the response date.')).toBeVisible();
    await form.getByLabel('Response date').fill('');
    const created = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/replies`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Log attempt' }).click();
    expect((await created).status()).toBe(201);

    const item = log.getByTestId('reply-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Phone');
    await expect(item).toContainText('Ministry press office');
    await expect(item.getByTestId('reply-response')).toHaveText('No response yet');
    await expect(item.getByTestId('reply-public-badge')).toHaveText('Shown publicly');
    expect(await replies(page, claimId)).toMatchObject([{ contactedOn, method: 'phone', response: null, respondedOn: null, showPublicly: true, version: 1 }]);

    // Edit: the response came.
    await item.getByRole('button', { name: /^Edit the attempt of / }).click();
    const edit = log.getByTestId('reply-form');
    await expect(edit.getByLabel('Contact', { exact: true })).toHaveValue('Ministry press office, +1 555 0100');
    await edit.getByLabel('Response', { exact: true }).fill('The ministry said the 4 percent figure uses its own, narrower definition.');
    await edit.getByLabel('Response date').fill(contactedOn);
    const saved = page.waitForResponse((r) => /\/api\/replies\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save attempt' }).click();
    expect((await saved).status()).toBe(200);

    await expect(log.getByTestId('reply-form')).toHaveCount(0);
    await expect(item.getByTestId('reply-response')).toContainText('narrower definition');
    await expect(item).not.toContainText('No response yet');
    await expect(item.getByTestId('reply-public-badge')).toBeVisible();
    expect(await replies(page, claimId)).toMatchObject([{ contactedOn, method: 'phone', response: 'The ministry said the 4 percent figure uses its own, narrower definition.', respondedOn: contactedOn, showPublicly: true, version: 2 }]);

    // A stale version is refused with the current attempt.
    const [current] = await replies(page, claimId);
    const stale = await page.request.patch(`/api/replies/${current!.id}`, { data: { contactedOn, method: 'email', contact: '', response: null, respondedOn: null, showPublicly: false, version: 1 } });
    expect(stale.status()).toBe(409);
  });

  test('a published article shows its right-of-reply log read-only, and the server refuses changes', async ({ page, article }) => {
    await signIn(page, 'editor');
    const id = await publishedDemoArticleId(page);
    await article.open(id);
    const claimId = await article.claimIdByQuote(id, 'does not raise property taxes');
    await article.highlight(claimId).first().click();

    const log = page.getByTestId('claim-detail').getByTestId('reply-log');
    const item = log.getByTestId('reply-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('A spokesperson for Mayor Marsh');
    await expect(item.getByTestId('reply-public-badge')).toBeVisible();
    // Read-only: no form, no add, edit or remove buttons.
    await expect(log.getByTestId('add-reply-button')).toHaveCount(0);
    await expect(log.getByTestId('reply-form')).toHaveCount(0);
    await expect(log.getByRole('button')).toHaveCount(0);

    const [seeded] = await replies(page, claimId);
    const refused = await page.request.post(`/api/claims/${claimId}/replies`, { data: { contactedOn: '2026-11-20', method: 'email', contact: 'x', showPublicly: false } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { details: { locked: boolean } } }).error.details.locked).toBe(true);
    const edit = await page.request.patch(`/api/replies/${seeded!.id}`, { data: { contactedOn: seeded!.contactedOn, method: 'email', contact: '', response: null, respondedOn: null, showPublicly: false, version: seeded!.version } });
    expect(edit.status()).toBe(409);
    expect(await replies(page, claimId)).toEqual([seeded]);
  });
});
