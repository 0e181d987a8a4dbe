/**
 * `npm run bench:import`: issue 13's "Measure" — importing a 100,000-word .docx and a 100,000-word
 * HTML news page: the time convertImport takes and the peak RSS of the process doing it (each run
 * in a fresh child process, so nothing is warm or shared), then the article is created in a
 * temporary SQLite database through createArticle (as POST /api/articles does with `doc` +
 * `importFormat`) and read back through getArticleDoc (what the article page loads) to check it
 * opens with the same text. Nothing is asserted beyond "it opens"; a table is printed.
 *
 *   npm run bench:import                                   # 3 runs of each
 *   npm run bench:import -- --runs 5
 *   npm run bench:import -- --app --dist-dir .next-imp      # also: the built app opens it in Chromium
 *
 * With --app (a production build in --dist-dir, default NEXT_DIST_DIR or .next; --build builds it
 * first), each imported article is also created through POST /api/articles on the app's production
 * server (bench/app/server.ts: a temporary database seeded with the demo data) and opened in
 * Chromium: the time from navigation start until the article's last block is on screen (not exercised
 * yet: no build of the issue-13 tree was made for it, see bench/RESULTS.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const WORDS = 100_000;

const VOCABULARY = ['the', 'minister', 'said', 'that', 'unemployment', 'fell', 'to', 'percent', 'last', 'year', 'critics', 'replied', 'exports', 'doubled', 'since', 'officials', 'council', 'bridge', 'budget', 'according', 'report', 'حکومت', 'می‌خواهم', 'Tehran', '2019'];

/** Deterministic words (a small LCG), so every run converts the same article. */
function wordStream(): () => string {
  let seed = 42;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return VOCABULARY[seed % VOCABULARY.length]!;
  };
}

function sentence(next: () => string, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i += 1) parts.push(next());
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The article's shape, shared by both inputs: ~80-word paragraphs, a heading every 20, a 5-item list every 40, links, notes. */
interface Piece {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
  link?: string;
  note?: string;
}

function articlePieces(): Piece[] {
  const next = wordStream();
  const pieces: Piece[] = [];
  let words = 0;
  let paragraph = 0;
  while (words < WORDS) {
    if (paragraph % 20 === 0) {
      pieces.push({ kind: 'heading', text: sentence(next, 6) });
      words += 6;
    }
    if (paragraph % 40 === 39) {
      for (let i = 0; i < 5; i += 1) pieces.push({ kind: 'item', text: sentence(next, 10) });
      words += 50;
    }
    pieces.push({ kind: 'paragraph', text: sentence(next, 80), link: paragraph % 5 === 0 ? `https://source.example/doc/${paragraph}` : undefined, note: paragraph % 20 === 10 ? sentence(next, 12) : undefined });
    words += 80;
    paragraph += 1;
  }
  return pieces;
}

async function bigDocx(): Promise<Buffer> {
  const { makeDocx } = await import('../../lib/import/fixtures/make-docx');
  return makeDocx({
    core: { title: 'A very long report', creator: 'Bench Writer', created: '2026-01-02T03:04:05Z', language: 'en' },
    blocks: articlePieces().map((piece) => {
      if (piece.kind === 'heading') return { kind: 'p', style: 'Heading1', runs: [piece.text] };
      if (piece.kind === 'item') return { kind: 'li', runs: [piece.text] };
      const runs = piece.link ? [{ text: piece.text.slice(0, 40), link: piece.link }, piece.text.slice(40)] : [piece.text];
      return { kind: 'p', runs: piece.note ? [...runs, { text: '', footnote: piece.note }] : runs };
    }),
  });
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function bigHtml(): string {
  const body: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) body.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const piece of articlePieces()) {
    if (piece.kind === 'item') {
      list.push(`<li>${esc(piece.text)}</li>`);
      continue;
    }
    flush();
    if (piece.kind === 'heading') body.push(`<h2>${esc(piece.text)}</h2>`);
    else if (piece.link) body.push(`<p><a href="${piece.link}">${esc(piece.text.slice(0, 40))}</a>${esc(piece.text.slice(40))}</p>`);
    else body.push(`<p>${esc(piece.text)}</p>`);
  }
  flush();
  const nav = `<nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'A very long report', datePublished: '2026-01-02T03:04:05Z', author: { '@type': 'Person', name: 'Bench Writer' }, publisher: { name: 'Bench Times' }, inLanguage: 'en' });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long report | Bench Times</title><script type="application/ld+json">${ld}</script></head><body><header>${nav}</header><div class="ad">Advertisement</div><main><article><h1>A very long report</h1>${body.join('\n')}</article><aside><h3>Related</h3><ul><li><a href="/a">Other story</a></li></ul></aside></main><footer><p>© Bench Times</p></footer></body></html>`;
}

// ---------------------------------------------------------------- the child: one import, measured

interface ChildResult {
  /** The imported article, for the app step (only kept by the first run). */
  imported?: { doc: unknown; text: string; format: string; metadata: Record<string, unknown> };
  format: string;
  inputBytes: number;
  words: number;
  blocks: number;
  convertMs: number;
  /** User + system CPU time of convertImport (less sensitive to a loaded machine than wall time). */
  convertCpuMs: number;
  baselineRssMb: number;
  peakRssMb: number;
  createMs: number;
  openMs: number;
  opensWithSameText: boolean;
  warnings: string[];
}

async function child(format: 'docx' | 'url', file: string, out: string): Promise<void> {
  const { convertImport } = await import('../../lib/import');
  const { closeDb, openDb, migrateDb } = await import('../../db/client');
  const { seedDemo } = await import('../../db/seed/demo');
  const { createArticle } = await import('../../db/queries/articles');
  const { getArticleDoc } = await import('../../db/queries/access');
  const { jsonDocToText } = await import('../../lib/editor/doc-text');
  const { users, workspaces } = await import('../../db/schema');
  const { eq } = await import('drizzle-orm');

  const bytes = fs.readFileSync(file);
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const imported = format === 'docx' ? await convertImport({ format: 'docx', data: new Uint8Array(bytes) }) : await convertImport({ format: 'url', html: bytes.toString('utf8'), url: 'https://bench.example/news/long-report' });
  const convertMs = performance.now() - t0;
  const cpuUsed = process.cpuUsage(cpu0);
  const convertCpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-db-'));
  const db = openDb({ dialect: 'sqlite', file: path.join(dir, 'bench.db') }, { durable: false });
  try {
    await migrateDb(db);
    await seedDemo(db);
    const [tom] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'tom@claimdesk.demo')).limit(1);
    const [desk] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1);
    const m = imported.metadata;
    const t1 = performance.now();
    const article = await createArticle(db, { workspaceId: desk!.id, title: m.title || 'Imported', outlet: m.outlet, byline: m.byline, url: m.canonicalUrl, publishedOn: m.publishedOn, language: m.language ?? 'en', sourceCredit: '', doc: imported.doc, importFormat: imported.format, createdBy: tom!.id });
    const createMs = performance.now() - t1;
    const t2 = performance.now();
    const { doc } = (await getArticleDoc(db, article.id)) as { doc: Parameters<typeof jsonDocToText>[0] };
    const openMs = performance.now() - t2;
    const result: ChildResult = {
      format,
      inputBytes: bytes.length,
      words: imported.text.split(/\s+/).filter(Boolean).length,
      blocks: imported.doc.content?.length ?? 0,
      convertMs,
      convertCpuMs,
      baselineRssMb,
      peakRssMb,
      createMs,
      openMs,
      opensWithSameText: jsonDocToText(doc) === imported.text,
      warnings: imported.warnings,
      imported: { doc: imported.doc, text: imported.text, format: imported.format, metadata: { ...imported.metadata } },
    };
    fs.writeFileSync(out, JSON.stringify(result));
  } finally {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the parent

// ---------------------------------------------------------------- the app step (--app)

interface AppStep {
  open(label: string, imported: NonNullable<ChildResult['imported']>): Promise<string>;
  close(): Promise<void>;
}

async function startAppStep(distDir: string, build: boolean): Promise<AppStep> {
  const { ensureBuild, runCleanups, startBenchServer } = await import('../app/server');
  const { expectStatus, getJson, request, signIn } = await import('../app/http');
  const { launchBrowser } = await import('../app/browser');
  await ensureBuild(REPO, distDir, { skip: !build, force: false });
  const server = await startBenchServer(REPO, distDir);
  const browser = await launchBrowser();
  const editor = await signIn(server.port, 'tom@claimdesk.demo');
  const baseURL = `http://127.0.0.1:${server.port}`;
  const { workspaces } = await getJson<{ workspaces: Array<{ id: string; slug: string }> }>(server.port, '/api/workspaces', editor.cookie);
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')?.id;
  if (!workspaceId) throw new Error('The demo-desk workspace is missing.');
  return {
    async open(label, imported) {
      const m = imported.metadata as { title?: string; outlet?: string; byline?: string; publishedOn?: string | null; language?: string | null };
      const body = { workspaceId, title: m.title || label, outlet: m.outlet ?? '', byline: m.byline ?? '', publishedOn: m.publishedOn ?? undefined, language: m.language ?? 'en', doc: imported.doc, importFormat: imported.format };
      const created = await expectStatus(request(server.port, 'POST', '/api/articles', { cookie: editor.cookie, body: JSON.stringify(body) }), [201], `POST /api/articles (${label})`);
      const articleId = (JSON.parse(created.body) as { article: { id: string } }).article.id;
      const lastBlock = imported.text.slice(imported.text.lastIndexOf('\n\n') + 2).slice(0, 60);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL });
      try {
        await context.addCookies(editor.cookies.map(({ name, value }) => ({ name, value, url: baseURL })));
        await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        const page = await context.newPage();
        const times: number[] = [];
        for (let run = 0; run <= 3; run += 1) {
          const response = await page.goto(`/articles/${articleId}`, { waitUntil: 'commit', timeout: 120_000 });
          if (!response || response.status() !== 200) throw new Error(`GET /articles/${articleId} answered ${response?.status()}`);
          const at = await page.waitForFunction((text) => (document.querySelector('[data-testid="article-text"]')?.textContent ?? '').includes(text) ? performance.now() : false, lastBlock, { polling: 25, timeout: 120_000 });
          if (run > 0) times.push((await at.jsonValue()) as number); // the first load warms the route up
        }
        return `${Math.round(median(times)).toLocaleString('en')} ms`;
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await runCleanups();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1] as 'docx' | 'url', argv[2]!, argv[3]!);
  const runsIndex = argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Math.max(1, Number(argv[runsIndex + 1]) || 3) : 3;
  const distIndex = argv.indexOf('--dist-dir');
  const distDir = distIndex >= 0 ? argv[distIndex + 1]! : process.env.NEXT_DIST_DIR || '.next';
  const app = argv.includes('--app') ? await startAppStep(distDir, argv.includes('--build')) : null;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  try {
    const docxFile = path.join(dir, 'long-report.docx');
    const htmlFile = path.join(dir, 'long-report.html');
    fs.writeFileSync(docxFile, await bigDocx());
    fs.writeFileSync(htmlFile, bigHtml());
    const tsx = path.join(REPO, 'node_modules/.bin/tsx');
    const table: string[] = [];
    for (const [format, file, label] of [['docx', docxFile, '.docx'], ['url', htmlFile, 'HTML page (url)']] as const) {
      const results: ChildResult[] = [];
      for (let run = 0; run < runs; run += 1) {
        const out = path.join(dir, `${format}-${run}.json`);
        const child = spawnSync(tsx, ['--tsconfig', 'tsconfig.node.json', __filename, '--child', format, file, out], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
        if (child.status !== 0) throw new Error(`The ${format} run ${run + 1} failed (exit ${child.status}).`);
        results.push(JSON.parse(fs.readFileSync(out, 'utf8')) as ChildResult);
      }
      const first = results[0]!;
      const opened = app ? await app.open(label, first.imported!) : 'not run (--app)';
      table.push(
        `| ${label} | ${(first.inputBytes / 1024 / 1024).toFixed(2)} MB | ${first.words.toLocaleString('en')} | ${first.blocks.toLocaleString('en')} | ${Math.round(median(results.map((r) => r.convertMs))).toLocaleString('en')} ms (CPU ${Math.round(median(results.map((r) => r.convertCpuMs))).toLocaleString('en')} ms) | ${Math.round(Math.max(...results.map((r) => r.peakRssMb)))} MB (${Math.round(median(results.map((r) => r.baselineRssMb)))} MB before) | ${Math.round(median(results.map((r) => r.createMs))).toLocaleString('en')} ms | ${Math.round(median(results.map((r) => r.openMs)))} ms | ${results.every((r) => r.opensWithSameText) ? 'yes' : 'NO'} | ${opened} |`,
      );
      console.log(`${label}: warnings: ${first.warnings.join(' / ') || 'none'}`);
    }
    console.log(`\nImport of a ${WORDS.toLocaleString('en')}-word article (median of ${runs} fresh processes; peak RSS = process.resourceUsage().maxRSS, the worst run; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs)\n`);
    console.log('| Input | Size | Words imported | Top-level blocks | convertImport | Peak RSS | createArticle (SQLite) | getArticleDoc | Opens, same text | App: last block visible (Chromium, median of 3 loads) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const line of table) console.log(line);
  } finally {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
