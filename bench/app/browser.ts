/**
 * Workbench measurements in a real browser (playwright-core + the system Chromium), one signed-in
 * context per article:
 *   - navigation → every claim's highlight in the DOM (performance.now() in the page when the
 *     distinct data-claim-id values inside the article text reach the claim count; polled every 25 ms),
 *   - the page's HTML (decoded bytes) and the longest main-thread task (PerformanceObserver
 *     'longtask', buffered, from navigation until 1 s after the highlights were complete),
 *   - Mark claim → the new highlight in the DOM, and "← All claims" → the list back (a
 *     MutationObserver in the page times from the click to the DOM change; paint not included).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Session } from './http';

export interface WorkbenchNumbers {
  navigationMs: number[];
  htmlBytes: number;
  longestTaskMs: number[];
  markMs: number[];
  closeMs: number[];
}

declare global {
  interface Window {
    __benchLongest?: number;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

async function distinctHighlightsAt(page: Page, expected: number, timeoutMs: number): Promise<number> {
  const handle = await waitForHighlights(page, expected, timeoutMs).catch(async (error: unknown) => {
    const seen = await page
      .evaluate(() => {
        const root = document.querySelector('[data-testid="article-text"]');
        return `${root ? new Set([...root.querySelectorAll('[data-claim-id]')].map((el) => el.getAttribute('data-claim-id'))).size : 'no article text'} distinct highlights`;
      })
      .catch(() => 'page gone');
    throw new Error(`${(error as Error).message.split('\n')[0]} (expected ${expected} highlights, saw ${seen})`);
  });
  return (await handle.jsonValue()) as number;
}

function waitForHighlights(page: Page, expected: number, timeoutMs: number) {
  return page.waitForFunction(
    (n) => {
      const root = document.querySelector('[data-testid="article-text"]');
      if (!root) return false;
      const ids = new Set<string>();
      for (const el of root.querySelectorAll('[data-claim-id]')) ids.add(el.getAttribute('data-claim-id')!);
      return ids.size >= n ? performance.now() : false;
    },
    expected,
    { polling: 25, timeout: timeoutMs },
  );
}

/** Selects ~60 characters (whole words) inside the `nth` paragraph longer than 300 characters, as a mouse drag would. */
async function selectInParagraph(page: Page, nth: number): Promise<void> {
  await page.getByTestId('article-text').click({ position: { x: 5, y: 5 } });
  const ok = await page.evaluate((n) => {
    const root = document.querySelector('[data-testid="article-text"]');
    const paragraphs = [...(root?.querySelectorAll('p') ?? [])].filter((p) => (p.textContent ?? '').length > 120);
    const p = paragraphs[n % paragraphs.length];
    if (!p) return false;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const all = nodes.map((node) => node.data).join('');
    const start = all.indexOf(' ', 20) + 1;
    const end = all.indexOf(' ', start + 50);
    const locate = (offset: number, isEnd: boolean) => {
      let seen = 0;
      for (const node of nodes) {
        if (offset < seen + node.data.length || (isEnd && offset === seen + node.data.length)) return { node, offset: offset - seen };
        seen += node.data.length;
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
  }, nth);
  if (!ok) throw new Error(`No paragraph longer than 120 characters to select in.`);
}

export async function measureWorkbench(browser: Browser, baseURL: string, session: Session, articleId: string, expectedHighlights: number, options: { navigations: number; marks: number }): Promise<WorkbenchNumbers> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL });
  try {
    await context.addCookies(session.cookies.map(({ name, value }) => ({ name, value, url: baseURL })));
    // tsx compiles with keepNames: functions passed to the page may call esbuild's __name helper.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(() => {
      window.__benchLongest = 0;
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__benchLongest = Math.max(window.__benchLongest ?? 0, entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no longtask support
      }
    });
    const page = await context.newPage();
    const numbers: WorkbenchNumbers = { navigationMs: [], htmlBytes: 0, longestTaskMs: [], markMs: [], closeMs: [] };
    // One warm-up load (route code, fonts, the browser's caches), not counted.
    for (let run = 0; run <= options.navigations; run += 1) {
      const response = await page.goto(`/articles/${articleId}`, { waitUntil: 'commit', timeout: 120_000 });
      if (!response || response.status() !== 200) throw new Error(`GET /articles/${articleId} answered ${response?.status()}`);
      const at = await distinctHighlightsAt(page, expectedHighlights, 120_000);
      await page.waitForTimeout(1000);
      const longest = await page.evaluate(() => window.__benchLongest ?? 0);
      if (run === 0) {
        numbers.htmlBytes = (await response.body()).length;
        continue;
      }
      numbers.navigationMs.push(at);
      numbers.longestTaskMs.push(longest);
      console.log(`    navigation ${run}: highlights at ${at.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
    }

    const markButton = page.getByRole('button', { name: 'Mark claim' });
    const backButton = page.getByRole('button', { name: 'Back to all claims' });
    for (let run = 0; run < options.marks; run += 1) {
      await selectInParagraph(page, run + 1);
      await markButton.waitFor({ state: 'visible' });
      for (let i = 0; i < 100 && !(await markButton.isEnabled()); i += 1) await page.waitForTimeout(50);
      const markMs = await page.evaluate(
        (button) =>
          new Promise<number>((resolve, reject) => {
            const root = document.querySelector('[data-testid="article-text"]')!;
            const before = new Set<string>();
            for (const el of root.querySelectorAll('[data-claim-id]')) before.add(el.getAttribute('data-claim-id')!);
            const isNew = () => {
              for (const el of root.querySelectorAll('[data-claim-id]')) if (!before.has(el.getAttribute('data-claim-id')!)) return true;
              return false;
            };
            const timer = setTimeout(() => reject(new Error('no new highlight within 30 s')), 30_000);
            const observer = new MutationObserver(() => {
              if (!isNew()) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - began);
            });
            observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-claim-id'] });
            const began = performance.now();
            (button as HTMLButtonElement).click();
          }),
        await markButton.elementHandle(),
      );
      numbers.markMs.push(markMs);
      await backButton.waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForTimeout(500);
      const closeMs = await page.evaluate(
        (button) =>
          new Promise<number>((resolve, reject) => {
            const listShown = () => {
              if (document.querySelector('[data-testid="claim-detail"]')) return false;
              const item = document.querySelector<HTMLElement>('[data-testid="claim-list-item"]');
              return !!item && item.offsetParent !== null;
            };
            const timer = setTimeout(() => reject(new Error('the claim list did not come back within 30 s')), 30_000);
            const observer = new MutationObserver(() => {
              if (!listShown()) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - began);
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            const began = performance.now();
            (button as HTMLButtonElement).click();
          }),
        await backButton.elementHandle(),
      );
      numbers.closeMs.push(closeMs);
      console.log(`    mark ${run + 1}: highlight after ${markMs.toFixed(0)} ms, list back after ${closeMs.toFixed(0)} ms`);
      await page.waitForTimeout(500);
    }
    return numbers;
  } finally {
    await context.close();
  }
}
