/**
 * The app under test for bench/app/run.ts: builds a checkout if it has no build yet, starts its
 * production server through that checkout's own scripts/e2e-server.sh (fresh temporary SQLite
 * database seeded with the demo data, then `exec next start`; started and verified by
 * e2e/app-server.ts), and adds the big article: imported through the API like any article, then
 * its 2,000 claims written straight into the database in one transaction (valid rows: the same
 * selectors `describe()` makes, numbers 1…2000, the article's claim counter). Everything it made
 * is removed again by `cleanup()`, also on Ctrl-C and on errors.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startAppServer, type AppServer } from '../../e2e/app-server';
import { expectStatus, getJson, request, type Session } from './http';

export interface BuildResult {
  built: boolean;
  ms: number;
}

/** Runs `next build` in `appDir` into `distDir` unless a build is there (or `force`). Restores tsconfig.json if next build rewrote it. */
export async function ensureBuild(appDir: string, distDir: string, options: { skip: boolean; force: boolean }): Promise<BuildResult> {
  const buildId = path.join(appDir, distDir, 'BUILD_ID');
  if (!options.force && fs.existsSync(buildId)) return { built: false, ms: 0 };
  if (options.skip) throw new Error(`No production build in ${path.join(appDir, distDir)} and --skip-build was given. Build it: (cd ${appDir} && NEXT_DIST_DIR=${distDir} npx next build)`);
  const tsconfig = path.join(appDir, 'tsconfig.json');
  const tsconfigBefore = fs.existsSync(tsconfig) ? fs.readFileSync(tsconfig, 'utf8') : null;
  console.log(`Building ${appDir} into ${distDir} (next build)…`);
  const began = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(appDir, 'node_modules/.bin/next'), ['build'], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_DIST_DIR: distDir } });
      const output: string[] = [];
      for (const s of [child.stdout, child.stderr]) s.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}:\n${output.join('').slice(-3000)}`))));
    });
  } finally {
    // next build adds "<distDir>/types/**/*.ts" to tsconfig.json's include: put the file back as it was.
    if (tsconfigBefore !== null && fs.readFileSync(tsconfig, 'utf8') !== tsconfigBefore) fs.writeFileSync(tsconfig, tsconfigBefore);
  }
  return { built: true, ms: performance.now() - began };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface BenchServer {
  app: AppServer;
  port: number;
  pid: number;
  databaseFile: string;
  /** A read-only connection for reading what the server wrote (history rows). */
  readDb(): Database.Database;
  cleanup(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
let cleaningUp = false;
export async function runCleanups(): Promise<void> {
  if (cleaningUp) return;
  cleaningUp = true;
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((error: unknown) => console.error('cleanup:', error));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench server and removing its database…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

export async function startBenchServer(appDir: string, distDir: string): Promise<BenchServer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-appbench-'));
  const databaseFile = path.join(tmp, 'e2e-bench.db');
  const removeTmp = async () => fs.rmSync(tmp, { recursive: true, force: true });
  cleanups.push(removeTmp);
  const port = await freePort();
  const app = await startAppServer({
    port,
    databaseFile,
    script: path.join(appDir, 'scripts/e2e-server.sh'),
    timeoutMs: 180_000,
    env: {
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      // 100 viewers from five demo accounts: lift the per-person caps (the per-article cap is the 200).
      CLAIMDESK_MAX_STREAMS_PER_USER_ARTICLE: '1000',
      CLAIMDESK_MAX_STREAMS_PER_USER: '1000',
      CLAIMDESK_MAX_STREAMS_PER_ARTICLE: '1000',
    },
  });
  let readOnly: Database.Database | null = null;
  const cleanup = async () => {
    readOnly?.close();
    readOnly = null;
    await app.stop();
  };
  cleanups.push(cleanup);
  return {
    app,
    port,
    pid: app.pid,
    databaseFile,
    readDb: () => (readOnly ??= new Database(databaseFile, { readonly: true, fileMustExist: true })),
    cleanup: async () => {
      await cleanup();
      await removeTmp();
    },
  };
}

export interface SeededArticle {
  id: string;
  text: string;
  claims: number;
}

export interface ClaimRange {
  start: number;
  end: number;
}

/**
 * Imports the big article through POST /api/articles (as the editor), then writes its claims into
 * the database in one transaction. `ranges` are UTF-16 offsets into `text`, which must be what the
 * server stored (checked).
 */
export async function seedBigArticle(server: BenchServer, editor: Session, title: string, text: string, ranges: ClaimRange[], describe: (text: string, start: number, end: number) => [{ exact: string; prefix?: string; suffix?: string }, { start: number; end: number }]): Promise<SeededArticle> {
  const { workspaces } = await getJson<{ workspaces: Array<{ id: string; slug: string }> }>(server.port, '/api/workspaces', editor.cookie);
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')?.id;
  if (!workspaceId) throw new Error('The demo-desk workspace is missing.');
  const created = await expectStatus(request(server.port, 'POST', '/api/articles', { cookie: editor.cookie, body: JSON.stringify({ workspaceId, title, text, outlet: 'Bench Outlet', publishedOn: '2026-11-01' }) }), [201], 'POST /api/articles (big article)');
  const articleId = (JSON.parse(created.body) as { article: { id: string } }).article.id;

  const sqlite = new Database(server.databaseFile, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    const row = sqlite.prepare('SELECT plain_text AS plainText, revision, workspace_id AS workspaceId FROM articles WHERE id = ?').get(articleId) as { plainText: string; revision: number; workspaceId: string };
    if (row.plainText !== text) throw new Error(`The server stored different text for the big article (${row.plainText.length} vs ${text.length} UTF-16 units): the claim ranges would not fit.`);
    const authorId = (sqlite.prepare('SELECT id FROM users WHERE email = ?').get(editor.email) as { id: string }).id;
    const columns = sqlite.pragma('table_info(claims)') as Array<{ name: string; notnull: number; dflt_value: unknown; pk: number }>;
    const values: Record<string, (i: number, range: ClaimRange) => unknown> = {
      id: () => crypto.randomUUID(),
      workspace_id: () => row.workspaceId,
      article_id: () => articleId,
      quote_exact: (i) => selectors[i]![0].exact,
      quote_prefix: (i) => selectors[i]![0].prefix ?? '',
      quote_suffix: (i) => selectors[i]![0].suffix ?? '',
      position_start: (i) => selectors[i]![1].start,
      position_end: (i) => selectors[i]![1].end,
      anchored_revision: () => row.revision,
      anchor_state: () => 'anchored',
      original_quote: (i) => selectors[i]![0].exact,
      claim_text: (i) => selectors[i]![0].exact,
      status: () => 'open',
      number: (i) => i + 1,
      author_id: () => authorId,
      created_at: () => Date.now(),
      updated_at: () => Date.now(),
    };
    const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !(c.name in values)).map((c) => c.name);
    if (missing.length) throw new Error(`claims has required columns this bench does not fill: ${missing.join(', ')} (update bench/app/server.ts).`);
    const used = Object.keys(values).filter((name) => columns.some((c) => c.name === name));
    const selectors = ranges.map((r) => describe(text, r.start, r.end));
    const insert = sqlite.prepare(`INSERT INTO claims (${used.join(', ')}) VALUES (${used.map(() => '?').join(', ')})`);
    sqlite.transaction(() => {
      ranges.forEach((range, i) => insert.run(...used.map((name) => values[name]!(i, range))));
      sqlite.prepare('UPDATE articles SET claim_counter = ? WHERE id = ?').run(ranges.length, articleId);
    })();
  } finally {
    sqlite.close();
  }
  return { id: articleId, text, claims: ranges.length };
}
