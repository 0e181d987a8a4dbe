/**
 * One Chromium for all PDF renders of this process, started on first use (about 1.5 s) and kept:
 * each render gets its own browser context, which is cheap and shares nothing with the others.
 * A browser that crashed or was closed is started again on the next render; an idle browser is
 * closed after a while so a quiet server does not hold ~150 MB for nothing.
 */
import { chromium, type Browser } from 'playwright-core';
import type { LaunchAttempt } from './pdf-launch';

export interface BrowserHostOptions {
  /** Attempts in order (see planChromiumLaunch); the first that starts wins. */
  attempts: () => LaunchAttempt[];
  launchTimeoutMs?: number;
  /** Close the browser after this long without renders. Default 5 minutes. */
  idleMs?: number;
  /** Where the one warning about running without the sandbox goes. */
  warn?: (message: string) => void;
}

export class LaunchFailedError extends Error {
  constructor(
    message: string,
    readonly failures: Array<{ mode: LaunchAttempt['mode']; error: unknown }>,
  ) {
    super(message);
    this.name = 'LaunchFailedError';
  }
}

export class BrowserHost {
  private launching: Promise<{ browser: Browser; mode: LaunchAttempt['mode'] }> | null = null;
  private active = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private warned = false;
  /** How many browsers this host has started (for tests and logs). */
  launches = 0;

  constructor(private readonly options: BrowserHostOptions) {}

  /** Runs `task` with the shared browser; the idle clock stops while any task runs. */
  async use<T>(task: (browser: Browser) => Promise<T>): Promise<T> {
    this.active += 1;
    this.clearIdle();
    try {
      const { browser } = await this.browser();
      return await task(browser);
    } finally {
      this.active -= 1;
      if (this.active === 0) this.armIdle();
    }
  }

  /** The sandbox mode of the running browser, or null when none is running. */
  async mode(): Promise<LaunchAttempt['mode'] | null> {
    if (!this.launching) return null;
    return this.launching.then((r) => r.mode).catch(() => null);
  }

  async close(): Promise<void> {
    this.clearIdle();
    const launching = this.launching;
    this.launching = null;
    await launching?.then(({ browser }) => browser.close()).catch(() => undefined);
  }

  private browser() {
    if (!this.launching) {
      const launching = this.launch();
      this.launching = launching;
      // A failed start is not cached: the next render tries again (maybe Chromium got installed).
      launching.catch(() => {
        if (this.launching === launching) this.launching = null;
      });
    }
    return this.launching;
  }

  private async launch(): Promise<{ browser: Browser; mode: LaunchAttempt['mode'] }> {
    const failures: Array<{ mode: LaunchAttempt['mode']; error: unknown }> = [];
    for (const attempt of this.options.attempts()) {
      try {
        const browser = await chromium.launch({
          executablePath: attempt.executablePath,
          chromiumSandbox: attempt.chromiumSandbox,
          args: CHROMIUM_ARGS,
          env: { ...process.env, ...attempt.env },
          timeout: this.options.launchTimeoutMs ?? 30_000,
        });
        this.launches += 1;
        browser.on('disconnected', () => void this.forget(browser));
        if (attempt.mode === 'no-sandbox') this.warnOnce(failures);
        return { browser, mode: attempt.mode };
      } catch (error) {
        failures.push({ mode: attempt.mode, error });
      }
    }
    throw new LaunchFailedError(`Chromium failed to start (${failures.map((f) => f.mode).join(', then ')}).`, failures);
  }

  /** Drops a browser that went away, so the next render starts a fresh one. */
  private async forget(browser: Browser): Promise<void> {
    const current = this.launching;
    if (current && (await current.then((r) => r.browser).catch(() => null)) === browser && this.launching === current) this.launching = null;
  }

  private warnOnce(failures: Array<{ mode: LaunchAttempt['mode']; error: unknown }>): void {
    if (this.warned) return;
    this.warned = true;
    const why = failures.length ? ` The sandboxed start failed: ${failures.map((f) => `${f.mode}: ${firstLine(f.error)}`).join('; ')}.` : ' CLAIMDESK_PDF_SANDBOX=off.';
    (this.options.warn ?? console.warn)(
      `[claimdesk] PDF export runs Chromium WITHOUT its sandbox (--no-sandbox) on user content.${why} See README “PDF rendering and the Chromium sandbox”; set CLAIMDESK_PDF_SANDBOX=required to refuse instead.`,
    );
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 5 * 60_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

const CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-crash-reporter'];

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}
