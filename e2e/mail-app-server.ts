import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

/**
 * A second app server WITH mail, for the specs that follow mailed links. The main test server runs
 * without SMTP (the demo's default, where owners are shown invitation links); this one is started
 * by the mail specs themselves on ports derived from E2E_PORT, with its own freshly seeded database,
 * and SMTP_URL pointing at an in-process catcher. Only specs that need mail pay for it.
 */
const MAIN_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_APP_PORT = MAIN_PORT + 500;
export const MAIL_SMTP_PORT = MAIN_PORT + 1000;
export const MAIL_APP_URL = `http://localhost:${MAIL_APP_PORT}`;

export interface MailApp {
  baseURL: string;
  /** The server's SQLite file (for a test that must set up a state no UI can reach). */
  databaseFile: string;
  mail: MailCatcher;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The mail app server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The mail app server did not answer ${url} within ${timeoutMs} ms`);
}

export async function startMailApp(timeoutMs = 90_000): Promise<MailApp> {
  const mail = await startMailCatcher(MAIL_SMTP_PORT);
  const repo = path.resolve(__dirname, '..');
  const db = process.env.E2E_DB ? `${process.env.E2E_DB.replace(/\.db$/, '')}-mail.db` : './data/e2e-mail.db';
  const output: string[] = [];
  const child = spawn('bash', ['scripts/e2e-server.sh'], {
    cwd: repo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(MAIL_APP_PORT), CLAIMDESK_DB: db, NEXTAUTH_URL: MAIL_APP_URL, SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`, MAIL_FROM: 'Claimdesk Test <claimdesk@test.invalid>' },
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitUntilUp(`${MAIL_APP_URL}/sign-in`, child, timeoutMs);
  } catch (error) {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await mail.close();
    throw new Error(`${(error as Error).message}\n${output.join('').slice(-3000)}`);
  }
  return {
    baseURL: MAIL_APP_URL,
    databaseFile: path.resolve(repo, db),
    mail,
    async stop() {
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      await mail.close();
    },
  };
}
