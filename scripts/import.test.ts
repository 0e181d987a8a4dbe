/**
 * Runs the import CLI as users do (a child process through tsx) against a freshly seeded database:
 * a new SQLite file, or (with DATABASE_URL set) a PostgreSQL database of its own; URL imports from
 * a local HTTP server the child may reach (CLAIMDESK_FETCH_ALLOW_ADDRESSES).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, engineOf, openDb } from '../db/client';
import { activeDialect, type DatabaseConfig } from '../db/dialect';
import { articles } from '../db/schema';
import { createTestDb } from '../db/test-db';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
// Child processes start slowly on a busy machine; no timing is asserted.
const TIMEOUT = 60_000;

let dir: string;
let config: DatabaseConfig;
let childEnv: NodeJS.ProcessEnv;
let server: http.Server;
let baseUrl: string;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = childEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(TSX, ['--tsconfig', 'tsconfig.node.json', script, ...args], { cwd: ROOT, env, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const importCli = (...args: string[]) => run('scripts/import.ts', args);

async function readArticle(id: string) {
  const db = openDb(config);
  try {
    return (await db.select().from(articles).where(eq(articles.id, id)).limit(1))[0];
  } finally {
    await closeDb(db);
  }
}

async function articleCount(): Promise<number> {
  const db = openDb(config);
  try {
    return Number((await db.select({ n: count() }).from(articles))[0]!.n);
  } finally {
    await closeDb(db);
  }
}

const STORY_HTML = `<!doctype html><html lang="en"><head><title>Ignored title | Example News</title>
<meta property="og:title" content="Mayor Doubles Park Budget">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-03-14T09:00:00Z">
</head><body><nav>Home · World</nav><article><h1>Mayor Doubles Park Budget</h1>
<p>The mayor said on Tuesday that the parks budget would double next year, from 2 million to 4 million.</p>
<p>Critics said the figure was misleading because it included money already promised in 2023.</p>
<p>The council will vote on the plan in April, according to a <a href="/agenda">published agenda</a>.</p>
</article></body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-import-'));
  if (activeDialect() === 'postgres') {
    config = engineOf(await createTestDb()).config;
    childEnv = { ...process.env, DATABASE_URL: config.dialect === 'postgres' ? config.url : '' };
  } else {
    config = { dialect: 'sqlite', file: path.join(dir, 'claimdesk.db') };
    childEnv = { ...process.env, CLAIMDESK_DB: config.file };
    delete childEnv.DATABASE_URL;
  }
  childEnv.CLAIMDESK_FETCH_ALLOW_ADDRESSES = '127.0.0.0/8,::1/128';
  delete childEnv.INIT_CWD;
  server = http.createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(STORY_HTML);
    } else if (req.url === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"a":1}');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const seeded = await run('scripts/seed.ts', []);
  expect(seeded.code, seeded.stderr).toBe(0);
}, TIMEOUT);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('imports a Markdown file with its structure, prints the id and slug', async () => {
    const file = path.join(dir, 'budget-notes.md');
    writeFileSync(file, '# Budget claims\n\nThe mayor said the budget **doubled**.\n\n- first point\n- second point\n\nSee [the agenda](https://example.org/agenda).\n');
    const result = await importCli('--workspace', 'demo-desk', '--outlet', 'City Desk', file);
    expect(result.code, result.stderr).toBe(0);
    const [id, slug] = result.stdout.trim().split('\t');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const row = await readArticle(id!);
    expect(row).toMatchObject({ slug, importFormat: 'markdown', outlet: 'City Desk', title: 'Budget claims', createdBy: null });
    const doc = JSON.stringify(row!.docJson);
    expect(doc).toContain('"bulletList"');
    expect(doc).toContain('"link"');
    expect(row!.plainText).toContain('The mayor said the budget doubled.');
  }, TIMEOUT);

  it('takes --title and the other metadata given, and a plain text file', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'First paragraph.\n\nSecond paragraph.\n');
    const result = await importCli('-w', 'demo-desk', '--title', 'Given title', '--language', 'fa', '--published-on', '2024-02-29', '--byline', 'A. Writer', file);
    expect(result.code, result.stderr).toBe(0);
    const row = await readArticle(result.stdout.split('\t')[0]!);
    expect(row).toMatchObject({ title: 'Given title', slug: 'given-title', language: 'fa', publishedOn: '2024-02-29', byline: 'A. Writer', importFormat: 'text', plainText: 'First paragraph.\n\nSecond paragraph.' });
  }, TIMEOUT);

  it('imports a web page from a URL with its metadata', async () => {
    const result = await importCli('--workspace', 'demo-desk', `${baseUrl}/story`);
    expect(result.code, result.stderr).toBe(0);
    const row = await readArticle(result.stdout.split('\t')[0]!);
    expect(row).toMatchObject({ importFormat: 'url', url: `${baseUrl}/story`, title: 'Mayor Doubles Park Budget', outlet: 'Example News', byline: 'Jane Reporter', publishedOn: '2025-03-14' });
    expect(row!.plainText).toContain('the parks budget would double next year');
    expect(row!.plainText).not.toContain('Home · World');
  }, TIMEOUT);

  it('fails with the message and creates nothing on bad input', async () => {
    const before = await articleCount();
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const blank = path.join(dir, 'blank.md');
    writeFileSync(blank, '\n\n   \n');
    const pdf = path.join(dir, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.4 not really');
    const cases: Array<[string[], RegExp]> = [
      [['--workspace', 'no-such-desk', empty], /No workspace has the slug "no-such-desk"\. Workspaces: demo-desk, other-desk\./],
      [['--workspace', 'demo-desk', path.join(dir, 'missing.txt')], /No file at .*missing\.txt/],
      [['--workspace', 'demo-desk', pdf], /PDF files are not accepted/],
      [['--workspace', 'demo-desk', empty], /empty/i],
      [['--workspace', 'demo-desk', blank], /No article text found|no text|empty/i],
      [['--workspace', 'demo-desk', `${baseUrl}/missing`], /404|not found|could not/i],
      [['--workspace', 'demo-desk', `${baseUrl}/data.json`], /HTML|web page|not/i],
    ];
    for (const [args, message] of cases) {
      const result = await importCli(...args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
    const usage = await importCli('--workspace', 'demo-desk');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Missing the file or URL to import.');
    expect(await articleCount()).toBe(before);
  }, TIMEOUT * 3);
});
