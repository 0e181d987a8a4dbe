import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pidListeningOn } from '../bench/body-limit-probe';

/**
 * Starts `scripts/e2e-server.sh` (fresh seeded database, then `exec next start`) and waits until it
 * answers. The tests only ever talk to a server started here on a database created here: the
 * script refuses a port that is already taken, and after start-up the process listening on the
 * port must be the one spawned, so an unrelated instance can never be mistaken for ours.
 */

const REPO = path.resolve(__dirname, '..');

export interface AppServer {
  baseURL: string;
  port: number;
  /** Absolute path of the server's SQLite file (for setting up states no UI can reach). */
  databaseFile: string;
  /** The `next start` process (the script execs it, so it is the spawned process itself). */
  pid: number;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  port: number;
  /** The SQLite file the script recreates and seeds (scripts/e2e-server.sh), or a label for a PostgreSQL run. */
  databaseFile: string;
  /** The start script: scripts/e2e-server.sh (fresh SQLite) or scripts/e2e-pg-server.sh (an already seeded PostgreSQL database). */
  script?: string;
  /** Extra environment for the app, e.g. SMTP settings. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
// A worker that dies without running fixture teardown must not leave its server holding the port.
process.once('exit', () => {
  for (const child of running) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The e2e server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The e2e server did not answer ${url} within ${timeoutMs} ms`);
}

export async function startAppServer({ port, databaseFile, script = 'scripts/e2e-server.sh', env = {}, timeoutMs = 120_000 }: AppServerOptions): Promise<AppServer> {
  const baseURL = `http://localhost:${port}`;
  const output: string[] = [];
  const child = spawn('bash', [script], {
    cwd: REPO,
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PORT: String(port), CLAIMDESK_DB: databaseFile, NEXTAUTH_URL: baseURL },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };

  try {
    await waitUntilUp(`${baseURL}/sign-in`, child, timeoutMs);
    const listener = pidListeningOn(port);
    if (listener !== child.pid) throw new Error(`Port ${port} is answered by process ${listener}, not by the e2e server this run started (${child.pid})`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- e2e server output ---\n${output.join('').slice(-3000)}`);
  }
  return { baseURL, port, databaseFile, pid: child.pid!, stop };
}
