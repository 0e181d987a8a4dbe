/**
 * How to start Chromium for PDF rendering, decided once per process. Pure: the caller passes who
 * we run as and the settings; the browser host (pdf-browser.ts) tries the attempts in order.
 *
 * The report HTML is user content, so Chromium's own sandbox should be on. Chromium refuses to
 * start its sandbox as root, and CI runs as root, so as root the renderer goes through
 * scripts/chromium-unprivileged.sh, which drops to an unprivileged user (default nobody) and
 * starts Chromium with its user-namespace sandbox. Only when that cannot work (no unprivileged
 * user namespaces, no setpriv, a locked-down container) does `auto` fall back to --no-sandbox,
 * with one warning in the log; `required` refuses instead (PDF export answers 503).
 */
import path from 'node:path';

export type SandboxSetting = 'auto' | 'required' | 'off';

export interface LaunchAttempt {
  /** For logs: how this attempt runs Chromium. */
  mode: 'sandboxed' | 'unprivileged-sandboxed' | 'no-sandbox';
  executablePath: string;
  /** playwright-core's option: false makes it pass --no-sandbox. */
  chromiumSandbox: boolean;
  /** Extra environment for the launched process. */
  env: Record<string, string>;
}

export interface LaunchPlanInput {
  /** process.getuid?.() === 0 */
  isRoot: boolean;
  sandbox: SandboxSetting;
  chromiumPath: string;
  wrapperPath: string;
}

export function planChromiumLaunch({ isRoot, sandbox, chromiumPath, wrapperPath }: LaunchPlanInput): LaunchAttempt[] {
  const unsandboxed: LaunchAttempt = { mode: 'no-sandbox', executablePath: chromiumPath, chromiumSandbox: false, env: {} };
  if (sandbox === 'off') return [unsandboxed];
  const sandboxed: LaunchAttempt = isRoot
    ? { mode: 'unprivileged-sandboxed', executablePath: wrapperPath, chromiumSandbox: true, env: { CLAIMDESK_CHROMIUM_BIN: chromiumPath } }
    : { mode: 'sandboxed', executablePath: chromiumPath, chromiumSandbox: true, env: {} };
  return sandbox === 'required' ? [sandboxed] : [sandboxed, unsandboxed];
}

/** CLAIMDESK_PDF_SANDBOX: auto (default), required or off; anything else is a configuration error. */
export function sandboxSettingFromEnv(env: Record<string, string | undefined> = process.env): SandboxSetting {
  const raw = env.CLAIMDESK_PDF_SANDBOX?.trim().toLowerCase() || 'auto';
  if (raw === 'auto' || raw === 'required' || raw === 'off') return raw;
  throw new RangeError(`CLAIMDESK_PDF_SANDBOX must be auto, required or off (got "${env.CLAIMDESK_PDF_SANDBOX}").`);
}

/** The privilege-dropping wrapper shipped with the app (the server runs from the project root). */
export function defaultWrapperPath(cwd: string = process.cwd()): string {
  return path.join(cwd, 'scripts', 'chromium-unprivileged.sh');
}

export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
