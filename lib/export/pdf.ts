/**
 * HTML → PDF through a headless Chromium (playwright-core). Node-only and not pure: it drives a
 * browser, shared by all renders of the process (pdf-browser.ts) and run with its sandbox on
 * where the OS allows (pdf-launch.ts). The page is fully offline: every network request is
 * aborted and JavaScript is off.
 */
import { access, constants } from 'node:fs/promises';
import { Semaphore } from '@/lib/concurrency/semaphore';
import type { BrowserContext } from 'playwright-core';
import { BrowserHost, LaunchFailedError } from './pdf-browser';
import { defaultWrapperPath, planChromiumLaunch, runningAsRoot, sandboxSettingFromEnv } from './pdf-launch';
import { AppError } from '../errors';
import { escapeHtml } from './escape';

export interface PdfOptions {
  /** Chromium binary; default: env CLAIMDESK_CHROMIUM, then /usr/bin/chromium. */
  executablePath?: string;
  /** Upper bound for one render (browser start-up has its own 30 s limit). Default 30 s. */
  timeoutMs?: number;
  /** Shown in the page footer; default: the document's <title>. */
  title?: string;
  /** Told how long each phase took (benchmarks, logs). */
  onPhase?: (phase: 'setContent' | 'pdf', ms: number) => void;
}

/** No usable browser: maps to HTTP 503 through AppError so routes can say "PDF export unavailable". */
export class PdfUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message);
    this.name = 'PdfUnavailableError';
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

const MARGIN = { top: '16mm', right: '15mm', bottom: '18mm', left: '15mm' };

export function defaultChromiumPath(): string {
  return process.env.CLAIMDESK_CHROMIUM?.trim() || '/usr/bin/chromium';
}

/** Two renders at a time on this 2-core class of server (they share one browser); the rest queue. */
const renderSlots = new Semaphore(2);

// One browser host per Chromium path, kept on globalThis so dev-mode reloads reuse it.
const hosts = ((globalThis as unknown as { claimdeskPdfHosts?: Map<string, BrowserHost> }).claimdeskPdfHosts ??= new Map());

function hostFor(executablePath: string): BrowserHost {
  let host = hosts.get(executablePath);
  if (!host) {
    host = new BrowserHost({
      attempts: () => planChromiumLaunch({ isRoot: runningAsRoot(), sandbox: sandboxSettingFromEnv(), chromiumPath: executablePath, wrapperPath: defaultWrapperPath() }),
    });
    hosts.set(executablePath, host);
  }
  return host;
}

/** Closes every PDF browser of this process (tests, shutdown). Chromium also dies with the process. */
export async function closePdfBrowsers(): Promise<void> {
  await Promise.all([...hosts.values()].map((host) => host.close()));
}

/** How the browser for `executablePath` runs (sandboxed or not), or null when none is running. */
export function pdfSandboxMode(executablePath: string = defaultChromiumPath()) {
  return hosts.get(executablePath)?.mode() ?? Promise.resolve(null);
}

export function renderPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  return renderSlots.run(() => renderPdfNow(html, opts));
}

async function renderPdfNow(html: string, opts: PdfOptions): Promise<Uint8Array> {
  const executablePath = opts.executablePath ?? defaultChromiumPath();
  const timeoutMs = opts.timeoutMs ?? 30_000;
  await assertExecutable(executablePath);

  return hostFor(executablePath).use(async (browser) => {
    let context: BrowserContext | undefined;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PDF rendering timed out after ${timeoutMs} ms.`)), timeoutMs);
    });
    const render = async (): Promise<Uint8Array> => {
      // A fresh context per export: no cookies, cache or storage shared between reports.
      context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      // The report is self-contained; anything that tries to reach the network is a bug or an attack.
      await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      let began = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      opts.onPhase?.('setContent', performance.now() - began);
      began = performance.now();
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(opts.title ?? documentTitle(html)),
        margin: MARGIN,
      });
      opts.onPhase?.('pdf', performance.now() - began);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    };
    try {
      return await Promise.race([render(), deadline]);
    } finally {
      clearTimeout(timer);
      // Also ends a render that timed out; the browser stays for the next export.
      await (context as BrowserContext | undefined)?.close().catch(() => undefined);
    }
  }).catch((error: unknown) => {
    if (error instanceof LaunchFailedError) {
      throw new PdfUnavailableError(`PDF export is unavailable: Chromium at ${executablePath} failed to start.`, { cause: error });
    }
    throw error;
  });
}

async function assertExecutable(path: string): Promise<void> {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new PdfUnavailableError(
      `PDF export is unavailable: no Chromium executable at ${path}. Install Chromium or set CLAIMDESK_CHROMIUM to its path.`,
    );
  }
}

/** Chromium fills .pageNumber/.totalPages itself; templates need explicit font sizes. */
function footerTemplate(title: string): string {
  return `<div style="width:100%;margin:0 15mm;display:flex;justify-content:space-between;gap:8mm;font:8px system-ui,'DejaVu Sans',sans-serif;color:#6b7280;">
<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis;" dir="auto">${escapeHtml(title)}</span>
<span style="white-space:nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;
}

/** The document's <title> as plain text (entities decoded, so the footer can escape it once). */
function documentTitle(html: string): string {
  const raw = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
