/** Runs the export CLI as users do (a child process through tsx) against a freshly seeded database. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/client';
import { createArticle } from '../db/queries/articles';
import { workspaces } from '../db/schema';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
// Child processes start slowly on a busy machine; no timing is asserted.
const TIMEOUT = 60_000;

let dir: string;
let dbFile: string;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(TSX, ['--tsconfig', 'tsconfig.node.json', script, ...args], { cwd: ROOT, env: { ...process.env, CLAIMDESK_DB: dbFile }, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const exportCli = (...args: string[]) => run('scripts/export.ts', args);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-export-'));
  dbFile = path.join(dir, 'claimdesk.db');
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
    const db = createDb(dbFile);
    const other = db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'other-desk')).get()!;
    const copy = createArticle(db, { workspaceId: other.id, slug: 'demo', title: 'Another demo', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Text.', createdBy: null });
    db.$client.close();

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
