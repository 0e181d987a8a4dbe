/**
 * Runs the export CLI as users do (a child process through tsx) against a freshly seeded database:
 * a new SQLite file, or (with DATABASE_URL set) a PostgreSQL database of its own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, engineOf, openDb } from '../db/client';
import { activeDialect, describeDatabase, type DatabaseConfig } from '../db/dialect';
import { createArticle } from '../db/queries/articles';
import { workspaces } from '../db/schema';
import { createTestDb } from '../db/test-db';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
// Child processes start slowly on a busy machine; no timing is asserted.
const TIMEOUT = 60_000;

let dir: string;
let config: DatabaseConfig;
let childEnv: NodeJS.ProcessEnv;

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

const exportCli = (...args: string[]) => run('scripts/export.ts', args);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-export-'));
  if (activeDialect() === 'postgres') {
    // A database of this file's own (dropped after it); the children reach it through DATABASE_URL.
    config = engineOf(await createTestDb()).config;
    childEnv = { ...process.env, DATABASE_URL: config.dialect === 'postgres' ? config.url : '' };
  } else {
    // A file that does not exist yet: the seed creates and migrates it.
    config = { dialect: 'sqlite', file: path.join(dir, 'claimdesk.db') };
    childEnv = { ...process.env, CLAIMDESK_DB: config.file };
    delete childEnv.DATABASE_URL;
  }
  const seeded = await run('scripts/seed.ts', []);
  expect(seeded.code, seeded.stderr).toBe(0);
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('prints a Markdown report of the demo article', async () => {
    const result = await exportCli('--article', 'demo', '--format', 'md');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Fact-check report: Khamenei Says U.S. Created ISIS And Iran Defeated It');
  }, TIMEOUT);

  it('writes a CSV file with --out', async () => {
    const out = path.join(dir, 'report.csv');
    const result = await exportCli('--article', 'demo', '--format', 'csv', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Wrote ${out}`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFnumber,id,quote,claim,/);
    expect(lines).toHaveLength(1 + 7);
  }, TIMEOUT);

  it('follows publication for ClaimReview: refused for an unpublished article, a draft with --draft, dated when published', async () => {
    const refused = await exportCli('--article', 'demo', '--format', 'claimreview');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('This fact-check is not published. Publish it first, or export a draft (--draft).');

    const draft = await exportCli('--article', 'demo', '--format', 'claimreview', '--draft');
    expect(draft.code, draft.stderr).toBe(0);
    const drafts = JSON.parse(draft.stdout) as Array<Record<string, unknown>>;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((r) => r.creativeWorkStatus === 'Draft' && !('datePublished' in r))).toBe(true);

    // The seed's second article is published.
    const published = await exportCli('--article', 'city-budget-fact-check', '--format', 'claimreview');
    expect(published.code, published.stderr).toBe(0);
    const reviews = JSON.parse(published.stdout) as Array<Record<string, unknown>>;
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => typeof r.datePublished === 'string' && !('creativeWorkStatus' in r))).toBe(true);
  }, TIMEOUT);

  it('gives W3C annotations dereferenceable ids', async () => {
    const result = await exportCli('--article', 'demo', '--format', 'w3c');
    expect(result.code, result.stderr).toBe(0);
    const ids = (JSON.parse(result.stdout) as { first: { items: Array<{ id: string }> } }).first.items.map((a) => a.id);
    expect(ids).toHaveLength(7);
    for (const id of ids) expect(id).toMatch(/^http:\/\/localhost:3000\/annotations\/[0-9a-f-]{36}$/);
  }, TIMEOUT);

  it('fails with a clear message for an unknown article', async () => {
    const result = await exportCli('--article', 'no-such-article', '--format', 'md');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No article has the id or slug "no-such-article".');
  }, TIMEOUT);

  it('fails with the list of formats for an unknown format', async () => {
    const result = await exportCli('--article', 'demo', '--format', 'docx');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown export format "docx". Valid formats: html, pdf, md, csv, json, w3c, claimreview.');
  }, TIMEOUT);

  it('asks for an id when the slug exists in several workspaces', async () => {
    const db = openDb(config);
    let copy: Awaited<ReturnType<typeof createArticle>>;
    try {
      const [other] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'other-desk')).limit(1);
      copy = await createArticle(db, { workspaceId: other!.id, slug: 'demo', title: 'Another demo', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Text.', createdBy: null });
    } finally {
      await closeDb(db);
    }

    const ambiguous = await exportCli('--article', 'demo', '--format', 'json');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('Several articles have the slug "demo"');
    expect(ambiguous.stderr).toContain(copy.id);
    expect(ambiguous.stderr).toContain('by its id');

    const byId = await exportCli('--article', copy.id, '--format', 'json');
    expect(byId.code, byId.stderr).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({ article: { id: copy.id, title: 'Another demo' }, claims: [] });
  }, TIMEOUT);
});

describe('npm run db:migrate and npm run seed', () => {
  it('say which database they worked on, never the password', async () => {
    const migrated = await run('scripts/migrate.ts', []);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain(`Migrated ${describeDatabase(config)}`);
    const seeded = await run('scripts/seed.ts', []);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain(`Database: ${describeDatabase(config)} (migrated, demo data already present)`);
    for (const output of [migrated.stdout, seeded.stdout]) expect(output).not.toMatch(/:\/\/[^/\s]*:[^/\s]*@/);
  }, TIMEOUT);

  it('exit 1 with a clear message when the database cannot be reached', async () => {
    // Port 1 on this machine: nothing listens there, the connection is refused at once.
    const env = { ...process.env, DATABASE_URL: 'postgres://claimdesk:s3cret-pw@127.0.0.1:1/nowhere' };
    for (const script of ['scripts/migrate.ts', 'scripts/seed.ts']) {
      const result = await run(script, [], env);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('Cannot reach the database (PostgreSQL at 127.0.0.1:1/nowhere)');
      expect(result.stderr + result.stdout).not.toContain('s3cret-pw');
    }
  }, TIMEOUT);
});
