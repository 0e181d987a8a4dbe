import { describe, expect, it } from 'vitest';
import { defaultWrapperPath, planChromiumLaunch, sandboxSettingFromEnv } from './pdf-launch';

const base = { chromiumPath: '/usr/bin/chromium', wrapperPath: '/app/scripts/chromium-unprivileged.sh' };

describe('planChromiumLaunch', () => {
  it('not root: Chromium itself with its sandbox, then (auto) without', () => {
    expect(planChromiumLaunch({ ...base, isRoot: false, sandbox: 'auto' }).map((a) => [a.mode, a.executablePath, a.chromiumSandbox])).toEqual([
      ['sandboxed', '/usr/bin/chromium', true],
      ['no-sandbox', '/usr/bin/chromium', false],
    ]);
  });

  it('root: the unprivileged wrapper with the sandbox on, told which Chromium to run', () => {
    const [first, second] = planChromiumLaunch({ ...base, isRoot: true, sandbox: 'auto' });
    expect(first).toEqual({ mode: 'unprivileged-sandboxed', executablePath: base.wrapperPath, chromiumSandbox: true, env: { CLAIMDESK_CHROMIUM_BIN: '/usr/bin/chromium' } });
    expect(second).toMatchObject({ mode: 'no-sandbox', chromiumSandbox: false });
  });

  it('required never falls back; off never tries the sandbox', () => {
    expect(planChromiumLaunch({ ...base, isRoot: true, sandbox: 'required' }).map((a) => a.mode)).toEqual(['unprivileged-sandboxed']);
    expect(planChromiumLaunch({ ...base, isRoot: false, sandbox: 'required' }).map((a) => a.mode)).toEqual(['sandboxed']);
    expect(planChromiumLaunch({ ...base, isRoot: true, sandbox: 'off' }).map((a) => a.mode)).toEqual(['no-sandbox']);
  });
});

describe('sandboxSettingFromEnv', () => {
  it('defaults to auto, accepts the three settings in any case, rejects anything else', () => {
    expect(sandboxSettingFromEnv({})).toBe('auto');
    expect(sandboxSettingFromEnv({ CLAIMDESK_PDF_SANDBOX: ' Required ' })).toBe('required');
    expect(sandboxSettingFromEnv({ CLAIMDESK_PDF_SANDBOX: 'off' })).toBe('off');
    expect(() => sandboxSettingFromEnv({ CLAIMDESK_PDF_SANDBOX: 'yes' })).toThrow(/auto, required or off/);
  });
});

describe('defaultWrapperPath', () => {
  it('is the script shipped under scripts/', () => {
    expect(defaultWrapperPath('/srv/claimdesk')).toBe('/srv/claimdesk/scripts/chromium-unprivileged.sh');
  });
});
