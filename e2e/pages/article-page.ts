import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the article workbench. */
export class ArticlePage {
  readonly text: Locator;
  readonly panel: Locator;
  /** Claims this page object created, removed again by `cleanup()`. */
  readonly created: string[] = [];

  constructor(readonly page: Page) {
    this.text = page.getByTestId('article-text');
    this.panel = page.getByTestId('claim-panel');
  }

  async open(articleId: string) {
    await this.page.goto(`/articles/${articleId}`);
    await expect(this.text).toBeVisible();
  }

  highlight(claimId: string): Locator {
    return this.text.locator(`[data-claim-id="${claimId}"]`);
  }

  /**
   * The words a claim's highlight covers. ProseMirror renders an overlapped highlight as
   * several spans, so the pieces are joined in document order.
   */
  async highlightedText(claimId: string): Promise<string> {
    return this.page.evaluate((id) => {
      const root = document.querySelector('[data-testid="article-text"]');
      if (!root) return '';
      const outermost = [...root.querySelectorAll(`[data-claim-id="${id}"]`)].filter((el) => !el.parentElement?.closest(`[data-claim-id="${id}"]`));
      return outermost.map((el) => el.textContent ?? '').join('');
    }, claimId);
  }

  async expectHighlighted(claimId: string, quote: string) {
    await expect.poll(() => this.highlightedText(claimId)).toBe(quote);
  }

  /** Claim ids from the API, by a substring of their quote. */
  async claimIdByQuote(articleId: string, quotePart: string): Promise<string> {
    const body = (await (await this.page.request.get(`/api/articles/${articleId}/claims`)).json()) as { claims: Array<{ id: string; quote: { exact: string } }> };
    const claim = body.claims.find((c) => c.quote.exact.includes(quotePart));
    if (!claim) throw new Error(`No claim with quote containing: ${quotePart}`);
    return claim.id;
  }

  /** Deletes claims this test created (through the API), so shared demo data stays as seeded. */
  async cleanup() {
    for (const id of this.created.splice(0)) {
      const current = await this.page.request.get(`/api/claims/${id}`);
      if (current.status() !== 200) continue;
      const { claim } = (await current.json()) as { claim: { version: number } };
      await this.page.request.delete(`/api/claims/${id}`, { data: { version: claim.version } });
    }
  }

  async deleteActiveClaim() {
    this.page.once('dialog', (d) => void d.accept());
    await this.page.getByRole('button', { name: 'Delete claim' }).click();
    await expect(this.page.getByTestId('claim-detail')).toHaveCount(0);
  }

  listItems(): Locator {
    return this.panel.getByTestId('claim-list-item');
  }

  /** Selects `quote` in the article and checks that it can be marked. */
  async select(quote: string) {
    await this.selectText(quote);
    await expect(this.markButton()).toBeEnabled();
  }

  /** Selects `quote` in the article with a real DOM selection, as a mouse drag would. */
  async selectText(quote: string) {
    await this.text.click({ position: { x: 5, y: 5 } });
    const found = await this.page.evaluate((q) => {
      const root = document.querySelector('[data-testid="article-text"]');
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const start = all.indexOf(q);
      if (start < 0) return false;
      const end = start + q.length;
      const locate = (offset: number, isEnd: boolean) => {
        let seen = 0;
        for (const node of nodes) {
          const len = node.data.length;
          if (offset < seen + len || (isEnd && offset === seen + len)) return { node, offset: offset - seen };
          seen += len;
        }
        throw new Error('offset out of range');
      };
      const a = locate(start, false);
      const b = locate(end, true);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }, quote);
    if (!found) throw new Error(`Quote not found in article: ${quote}`);
  }

  /** The toolbar's Mark claim (the bubble next to the selection has one too). */
  markButton(): Locator {
    return this.page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Mark claim' });
  }

  async markClaim(quote: string, via: 'button' | 'shortcut' = 'button'): Promise<string> {
    await this.select(quote);
    const created = this.page.waitForResponse((r) => r.url().endsWith('/api/claims') && r.request().method() === 'POST');
    if (via === 'button') await this.markButton().click();
    else await this.page.keyboard.press('Control+Shift+M');
    const response = await created;
    expect(response.status()).toBe(201);
    const { claim } = (await response.json()) as { claim: { id: string } };
    this.created.push(claim.id);
    await expect(this.page.getByTestId('claim-detail')).toBeVisible();
    return claim.id;
  }

  async saveClaim() {
    const saved = this.page.waitForResponse((r) => /\/api\/claims\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH');
    await this.panel.getByRole('button', { name: 'Save claim' }).click();
    expect((await saved).status()).toBe(200);
  }
}
