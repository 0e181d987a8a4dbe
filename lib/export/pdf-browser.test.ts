import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrowserHost, LaunchFailedError } from './pdf-browser';
import { defaultWrapperPath, planChromiumLaunch, runningAsRoot } from './pdf-launch';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

function sandboxedHost(options: { idleMs?: number } = {}) {
  return new BrowserHost({ attempts: () => planChromiumLaunch({ isRoot: runningAsRoot(), sandbox: 'required', chromiumPath: CHROMIUM, wrapperPath: defaultWrapperPath() }), ...options });
}

async function sandboxReport(host: BrowserHost): Promise<string> {
  return host.use(async (browser) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto('chrome://sandbox');
      return await page.innerText('body');
    } finally {
      await context.close();
    }
  });
}

describe.skipIf(!haveChromium)('BrowserHost with the real Chromium', () => {
  it('runs Chromium with its sandbox on (as root: through the unprivileged wrapper)', async () => {
    const host = sandboxedHost();
    try {
      const report = await sandboxReport(host);
      expect(report).toContain('You are adequately sandboxed.');
      expect(await host.mode()).toBe(runningAsRoot() ? 'unprivileged-sandboxed' : 'sandboxed');
    } finally {
      await host.close();
    }
  }, 60_000);

  it('reuses one browser across renders and starts a new one after it went away', async () => {
    const host = sandboxedHost();
    try {
      await sandboxReport(host);
      await Promise.all([sandboxReport(host), sandboxReport(host)]);
      expect(host.launches).toBe(1);
      await host.use((browser) => browser.close());
      await sandboxReport(host);
      expect(host.launches).toBe(2);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('closes an idle browser and starts again on the next render', async () => {
    const host = sandboxedHost({ idleMs: 50 });
    try {
      await sandboxReport(host);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await host.mode()).toBeNull();
      await sandboxReport(host);
      expect(host.launches).toBe(2);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('auto: falls back to --no-sandbox when the sandboxed start fails, with exactly one warning', async () => {
    const warnings: string[] = [];
    const host = new BrowserHost({
      attempts: () => [
        { mode: 'unprivileged-sandboxed', executablePath: '/nonexistent/wrapper.sh', chromiumSandbox: true, env: {} },
        { mode: 'no-sandbox', executablePath: CHROMIUM, chromiumSandbox: false, env: {} },
      ],
      warn: (message) => warnings.push(message),
    });
    try {
      await host.use(async () => undefined);
      await host.use((browser) => browser.close());
      await host.use(async () => undefined);
      expect(await host.mode()).toBe('no-sandbox');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/WITHOUT its sandbox.*unprivileged-sandboxed/s);
    } finally {
      await host.close();
    }
  }, 60_000);
});

describe('BrowserHost without a browser', () => {
  it('reports every failed attempt and tries again on the next use', async () => {
    let planned = 0;
    const host = new BrowserHost({
      attempts: () => {
        planned += 1;
        return [{ mode: 'sandboxed', executablePath: '/nonexistent/chromium', chromiumSandbox: true, env: {} }];
      },
    });
    const error = await host.use(async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchFailedError);
    expect((error as LaunchFailedError).failures.map((f) => f.mode)).toEqual(['sandboxed']);
    await host.use(async () => 'never').catch(() => undefined);
    expect(planned).toBe(2);
  });
});
