/**
 * `npm run bench`: issue 11's targets, measured from outside on the production build.
 *
 *   npm run bench                                  # this checkout (builds into NEXT_DIST_DIR or .next if there is no build)
 *   npm run bench -- --app-dir /tmp/bench-before    # another checkout's build (its scripts, seed and server)
 *   npm run bench -- --skip-build --dist-dir .next-bench
 *
 * It generates the big article (bench/app/big-article.ts: 100,000 words, 2,000 claims), starts
 * the app's production server on a temporary SQLite database seeded with the demo data plus the
 * big article (bench/app/server.ts), measures every row of the issue's table on the big article
 * and, beside it, the same thing in the same run on the small demo article (or an idle baseline),
 * and prints one table of medians. Nothing is asserted. The server and its database are removed
 * on exit, on errors and on Ctrl-C.
 *
 * Options: --app-dir <path> (default: this checkout), --dist-dir <dir> (default NEXT_DIST_DIR or
 * .next), --skip-build (fail if there is no build), --build (rebuild even if there is one),
 * --only <section,…> (create,concurrent,workbench,save,live,heap,viewers,export,claims,anchoring).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLAIMS, WORDS, describeBmp, loadBigArticle } from './big-article';
import { launchBrowser, measureWorkbench, type WorkbenchNumbers } from './browser';
import { cpuMs, expectStatus, getJson, median, openStreams, percentile, pollHealth, request, rssKb, signIn, sleep, type LiveStream, type Reply, type Session, type SseMessage } from './http';
import { ensureBuild, runCleanups, seedBigArticle, startBenchServer, type BenchServer } from './server';

const REPO = path.resolve(__dirname, '../..');
const SECTIONS = ['create', 'concurrent', 'workbench', 'save', 'live', 'heap', 'viewers', 'export', 'claims', 'anchoring'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  appDir: string;
  distDir: string;
  skipBuild: boolean;
  forceBuild: boolean;
  only: Set<Section>;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { appDir: REPO, distDir: process.env.NEXT_DIST_DIR || '.next', skipBuild: false, forceBuild: false, only: new Set(SECTIONS) };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--app-dir') options.appDir = path.resolve(value());
    else if (flag === '--dist-dir') options.distDir = value();
    else if (flag === '--skip-build') options.skipBuild = true;
    else if (flag === '--build') options.forceBuild = true;
    else if (flag === '--only') {
      const parts = value().split(',').map((s) => s.trim()) as Section[];
      for (const part of parts) if (!SECTIONS.includes(part)) throw new Error(`--only: unknown section "${part}" (${SECTIONS.join(', ')}).`);
      options.only = new Set(parts);
    } else throw new Error(`Unknown option "${flag}". Options: --app-dir <path>, --dist-dir <dir>, --skip-build, --build, --only <${SECTIONS.join(',')}>.`);
  }
  if (!fs.existsSync(path.join(options.appDir, 'scripts/e2e-server.sh'))) throw new Error(`${options.appDir} is not a Claimdesk checkout (no scripts/e2e-server.sh).`);
  if (!fs.existsSync(path.join(options.appDir, 'node_modules/.bin/next'))) throw new Error(`${options.appDir} has no node_modules: run npm ci there first.`);
  return options;
}

// ---------------------------------------------------------------- formatting

const fmtMs = (n: number) => (Number.isNaN(n) ? '–' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${Math.round(n).toLocaleString('en')} ms` : `${n.toFixed(1)} ms`);
const fmtBytes = (n: number) => (Number.isNaN(n) ? '–' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`);

interface Row {
  what: string;
  big: string;
  baseline: string;
  goal: string;
}
const rows: Row[] = [];
function row(what: string, big: string, baseline: string, goal: string): void {
  rows.push({ what, big, baseline, goal });
  console.log(`  ${what}: ${big}   |   ${baseline}`);
}

// ---------------------------------------------------------------- context

interface Ctx {
  server: BenchServer;
  port: number;
  baseURL: string;
  /** nadia (owner), tom (editor), ana, kofi (reviewers), vera (viewer). */
  sessions: Session[];
  owner: Session;
  editor: Session;
  reviewer: Session;
  big: { id: string };
  demo: { id: string };
  appDir: string;
}

interface ArticleState {
  revision: number;
  text: string;
}

async function articleState(ctx: Ctx, articleId: string): Promise<ArticleState> {
  const sqlite = ctx.server.readDb();
  const r = sqlite.prepare('SELECT revision, plain_text AS text FROM articles WHERE id = ?').get(articleId) as ArticleState;
  return r;
}

/** A claim range of whole words around `near` (a UTF-16 offset) in the article's current text. */
function rangeNear(text: string, near: number, length = 60): { start: number; end: number } {
  const start = text.indexOf(' ', near) + 1;
  let end = text.indexOf(' ', start + length);
  if (end < 0) end = text.length;
  return { start, end };
}

async function createClaim(ctx: Ctx, session: Session, articleId: string, near: number, agent?: http.Agent): Promise<Reply> {
  const { revision, text } = await articleState(ctx, articleId);
  const { start, end } = rangeNear(text, near);
  return request(ctx.port, 'POST', '/api/claims', { cookie: session.cookie, body: JSON.stringify({ articleId, revision, start, end }), agent });
}

// ---------------------------------------------------------------- sections

async function sectionCreate(ctx: Ctx): Promise<void> {
  const N = 30;
  const measure = async (articleId: string) => {
    const { text } = await articleState(ctx, articleId);
    await expectStatus(createClaim(ctx, ctx.reviewer, articleId, 10), [201], 'POST /api/claims (warm-up)');
    const cpuBefore = cpuMs(ctx.server.pid);
    const walls: number[] = [];
    for (let i = 0; i < N; i += 1) {
      const reply = await expectStatus(createClaim(ctx, ctx.reviewer, articleId, Math.floor(((i + 1) / (N + 1)) * (text.length - 200))), [201], 'POST /api/claims');
      walls.push(reply.ms);
    }
    return { cpu: (cpuMs(ctx.server.pid) - cpuBefore) / N, wall: median(walls) };
  };
  const big = await measure(ctx.big.id);
  const demo = await measure(ctx.demo.id);
  row('create a claim: server CPU (per request, /proc/<pid>/stat; wall time)', `${fmtMs(big.cpu)} (wall ${fmtMs(big.wall)})`, `${fmtMs(demo.cpu)} on the demo (wall ${fmtMs(demo.wall)})`, '≤ 1 ms');
}

async function sectionConcurrent(ctx: Ctx): Promise<void> {
  const CLIENTS = 50;
  const TOTAL = 500;
  /** No new requests after this (a slow build would otherwise take minutes). */
  const TIME_CAP_MS = 40_000;
  const measure = async (articleId: string) => {
    const { revision, text } = await articleState(ctx, articleId);
    const bodies = Array.from({ length: TOTAL }, (_, i) => {
      const { start, end } = rangeNear(text, Math.floor((i / TOTAL) * (text.length - 200)));
      return JSON.stringify({ articleId, revision, start, end });
    });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const writers = [ctx.owner, ctx.editor, ctx.reviewer, ctx.sessions[3]!];
    const began = performance.now();
    const client = async (c: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (next < TOTAL && performance.now() - began < TIME_CAP_MS) {
        const i = next++;
        const reply = await request(ctx.port, 'POST', '/api/claims', { cookie: writers[c % writers.length]!.cookie, body: bodies[i]!, agent }).catch(() => null);
        statuses.set(reply?.status ?? 0, (statuses.get(reply?.status ?? 0) ?? 0) + 1);
        if (reply?.status === 201) latencies.push(reply.ms);
        else if (!reply) await sleep(100);
      }
      agent.destroy();
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const seconds = (performance.now() - began) / 1000;
    const failed = [...statuses].filter(([s]) => s !== 201);
    return `p95 ${fmtMs(percentile(latencies, 95))} / ${(latencies.length / seconds).toFixed(0)} per s${latencies.length + failed.reduce((n, [, k]) => n + k, 0) < TOTAL ? ` (${latencies.length} sent in the ${TIME_CAP_MS / 1000} s cap)` : ''}${failed.length ? ` (non-201: ${failed.map(([s, n]) => `${n}× ${s}`).join(', ')})` : ''}`;
  };
  const big = await measure(ctx.big.id);
  const demo = await measure(ctx.demo.id);
  row(`create claims, ${CLIENTS} concurrent clients (${TOTAL} POSTs): p95 / throughput`, big, `${demo} on the demo`, '≤ 50 ms / ≥ 300 per s');
}

async function sectionWorkbench(ctx: Ctx): Promise<void> {
  const browser = await launchBrowser();
  try {
    const highlights = async (articleId: string) => {
      const { claims } = await getJson<{ claims: Array<{ id: string; anchorState?: string; anchor?: { state?: string } }> }>(ctx.port, `/api/articles/${articleId}/claims`, ctx.reviewer.cookie);
      return claims.filter((c) => (c.anchorState ?? c.anchor?.state ?? 'anchored') !== 'orphaned').length;
    };
    const run = async (articleId: string) => measureWorkbench(browser, ctx.baseURL, ctx.reviewer, articleId, await highlights(articleId), { navigations: 2, marks: 3 });
    const big = await run(ctx.big.id);
    const demo = await run(ctx.demo.id);
    const nav = (n: WorkbenchNumbers) => fmtMs(median(n.navigationMs));
    row('workbench: navigation → all highlights in the DOM', nav(big), nav(demo), '≤ 800 ms');
    row('workbench HTML / longest main-thread task', `${fmtBytes(big.htmlBytes)} / ${fmtMs(median(big.longestTaskMs))}`, `${fmtBytes(demo.htmlBytes)} / ${fmtMs(median(demo.longestTaskMs))}`, '≤ 1 MB / ≤ 200 ms');
    row('Mark claim → highlight; close claim → list', `${fmtMs(median(big.markMs))}; ${fmtMs(median(big.closeMs))}`, `${fmtMs(median(demo.markMs))}; ${fmtMs(median(demo.closeMs))}`, '≤ 50 ms each');
  } finally {
    await browser.close();
  }
}

type JsonNode = { type?: string; text?: string; content?: JsonNode[] };

function firstTextNode(node: JsonNode): JsonNode | null {
  if (typeof node.text === 'string' && node.text.length > 0) return node;
  for (const child of node.content ?? []) {
    const found = firstTextNode(child);
    if (found) return found;
  }
  return null;
}

interface SaveResult {
  ms: number;
  cpu: number;
  bytes: number;
  historyBytes: number;
  revisionBytes: number;
  stall: number | null;
}

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** Bytes the save wrote to history_entries (and article_revisions, where that table exists), from the database. */
function writtenBytes(ctx: Ctx, articleId: string, since: number): { history: number; revisions: number } {
  const sqlite = ctx.server.readDb();
  const history = sqlite.prepare('SELECT COALESCE(SUM(COALESCE(LENGTH(CAST("before" AS BLOB)), 0) + COALESCE(LENGTH(CAST("after" AS BLOB)), 0)), 0) AS n FROM history_entries WHERE article_id = ? AND created_at > ?').get(articleId, since) as { n: number };
  let revisions = 0;
  const table = sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ? AND name = ?').get('table', 'article_revisions');
  if (table) {
    const columns = (sqlite.pragma('table_info(article_revisions)') as Array<{ name: string }>).map((c) => c.name);
    const rowsSince = columns.includes('created_at') ? (sqlite.prepare('SELECT * FROM article_revisions WHERE article_id = ? AND created_at > ?').all(articleId, since) as Array<Record<string, unknown>>) : [];
    for (const r of rowsSince) for (const v of Object.values(r)) revisions += typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 8;
  }
  return { history: Number(history.n), revisions };
}

function latestCreatedAt(ctx: Ctx): number {
  return Number((ctx.server.readDb().prepare('SELECT COALESCE(MAX(created_at), 0) AS t FROM history_entries WHERE created_at > ?').get(0) as { t: number }).t);
}

/** Changes the first word of the article (alternating), as an editor would at the top, and saves it through PUT /api/articles/:id/text. */
async function saveOneWordEdit(ctx: Ctx, articleId: string, run: number, withStallProbe: boolean): Promise<SaveResult> {
  const { article } = await getJson<{ article: { revision: number; doc: JsonNode } }>(ctx.port, `/api/articles/${articleId}?fields=text`, ctx.editor.cookie);
  const node = firstTextNode(article.doc);
  if (!node) throw new Error('The article has no text.');
  const space = node.text!.indexOf(' ');
  node.text = `${run % 2 === 0 ? 'Breaking' : 'Update'}${space >= 0 ? node.text!.slice(space) : ''}`;
  const body = JSON.stringify({ revision: article.revision, doc: article.doc });
  await sleep(200);
  const since = latestCreatedAt(ctx);
  const probe = withStallProbe ? pollHealth(ctx.port) : null;
  const cpuBefore = cpuMs(ctx.server.pid);
  const reply = await expectStatus(request(ctx.port, 'PUT', `/api/articles/${articleId}/text`, { cookie: ctx.editor.cookie, body, headers: BROWSER_HEADERS }), [200], 'PUT /api/articles/:id/text');
  const cpu = cpuMs(ctx.server.pid) - cpuBefore;
  const stall = probe ? (await probe.stop()).worst : null;
  await sleep(300); // history rows are written in the save's transaction; give the WAL reader a moment
  const written = writtenBytes(ctx, articleId, since);
  return { ms: reply.ms, cpu, bytes: reply.raw.length, historyBytes: written.history, revisionBytes: written.revisions, stall };
}

const stalls: { export: string[]; save: string; idle: string } = { export: [], save: '–', idle: '–' };

async function sectionSave(ctx: Ctx): Promise<void> {
  const RUNS = 3;
  const measure = async (articleId: string, probeLast: boolean) => {
    const results: SaveResult[] = [];
    for (let run = 0; run < RUNS; run += 1) results.push(await saveOneWordEdit(ctx, articleId, run, probeLast && run === RUNS - 1));
    return results;
  };
  const demo = await measure(ctx.demo.id, false);
  const big = await measure(ctx.big.id, true);
  const text = (r: SaveResult[]) =>
    `${fmtMs(median(r.map((x) => x.ms)))}, ${fmtMs(median(r.map((x) => x.cpu)))} CPU, ${fmtBytes(median(r.map((x) => x.bytes)))} response, ${fmtBytes(median(r.map((x) => x.historyBytes)))} history${r.some((x) => x.revisionBytes > 0) ? ` + ${fmtBytes(median(r.map((x) => x.revisionBytes)))} article_revisions` : ''}`;
  row('save a one-word edit at the top (time, server CPU, response bytes on the wire, history bytes written)', text(big), text(demo), '≤ 100 ms, history stores a diff');
  stalls.save = fmtMs(big[RUNS - 1]!.stall ?? Number.NaN);
}

/** Waits until every stream saw a message matching `test` (or the deadline); latencies are from `t0`. */
function waitForAll(streams: LiveStream[], test: (m: SseMessage) => boolean, deadlineMs: number): { done: Promise<{ at: number[]; missed: number }>; arm: () => void } {
  const live = streams.filter((s) => !s.ended);
  let resolveDone!: (v: { at: number[]; missed: number }) => void;
  const done = new Promise<{ at: number[]; missed: number }>((resolve) => (resolveDone = resolve));
  return {
    done,
    arm: () => {
      const at: number[] = [];
      const finish = () => {
        clearTimeout(timer);
        for (const s of live) s.onMessage = null;
        resolveDone({ at, missed: live.length - at.length });
      };
      const timer = setTimeout(finish, deadlineMs);
      for (const s of live) {
        let seen = false;
        s.onMessage = (m) => {
          if (seen || !test(m)) return;
          seen = true;
          at.push(m.at);
          if (at.length === live.length) finish();
        };
      }
    },
  };
}

async function sectionLive(ctx: Ctx): Promise<void> {
  const VIEWERS = 100;
  const ROUNDS = 3;
  const measure = async (articleId: string) => {
    const streams = await openStreams(ctx.port, `/api/articles/${articleId}/events`, ctx.sessions, VIEWERS);
    await sleep(2000);
    const p95s: number[] = [];
    const posts: number[] = [];
    let missed = 0;
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const { text } = await articleState(ctx, articleId);
        const waiter = waitForAll(streams, (m) => m.event === 'claim.created', 30_000);
        waiter.arm();
        const t0 = performance.now();
        await expectStatus(createClaim(ctx, ctx.reviewer, articleId, Math.floor(((round + 1) / (ROUNDS + 2)) * (text.length - 200))), [201], 'POST /api/claims');
        posts.push(performance.now() - t0);
        const { at, missed: m } = await waiter.done;
        missed += m;
        p95s.push(percentile(at.map((x) => x - t0), 95));
        await sleep(500);
      }
    } finally {
      for (const s of streams) s.close();
    }
    await sleep(1500);
    return `p95 ${fmtMs(median(p95s))} (the creating POST ${fmtMs(median(posts))})${missed ? `, ${missed} missed` : ''}`;
  };
  const demo = await measure(ctx.demo.id);
  const big = await measure(ctx.big.id);
  row(`live event (claim.created) to ${VIEWERS} viewers: p95 from the POST's start`, big, demo, '≤ 100 ms; the POST unaffected by viewers');
}

async function sectionHeap(ctx: Ctx): Promise<void> {
  const STREAMS = 200;
  const samples = async (count: number) => {
    const values: number[] = [];
    for (let i = 0; i < count; i += 1) {
      values.push(rssKb(ctx.server.pid));
      await sleep(500);
    }
    return values;
  };
  const measure = async (articleId: string) => {
    await sleep(1000);
    const before = Math.min(...(await samples(4)));
    const streams = await openStreams(ctx.port, `/api/articles/${articleId}/events`, ctx.sessions, STREAMS);
    await sleep(5500); // past the access re-check interval
    const after = Math.max(...(await samples(4)));
    const open = streams.filter((s) => !s.ended).length;
    for (const s of streams) s.close();
    await sleep(1500);
    return `${fmtBytes(((after - before) * 1024) / Math.max(1, open))} per stream (RSS +${((after - before) / 1024).toFixed(0)} MB for ${open})`;
  };
  // The big article first, on a fresh server (RSS only grows less readily once the heap is large).
  const big = await measure(ctx.big.id);
  const demo = await measure(ctx.demo.id);
  row(`memory per open stream (server VmRSS delta over ${STREAMS} streams, not the V8 heap)`, big, demo, '≤ 50 KB');
}

type PlanFn = (event: unknown, held: Record<string, unknown>) => Array<{ type: string; queryKey?: readonly unknown[] }>;
interface ClientPlan {
  plan: PlanFn | null;
  keys: { article: (id: string) => readonly unknown[]; articleText: (id: string) => readonly unknown[]; claims: (id: string) => readonly unknown[] } | null;
  note: string;
}

/**
 * What the app's own client does on `article.updated`: its planArticleUpdated (from the checkout
 * under test) says which queries it refetches; those are mapped to the URLs the client fetches.
 */
async function loadClientPlan(appDir: string): Promise<ClientPlan> {
  try {
    const planModule = (await import(pathToFileURL(path.join(appDir, 'components/workbench/live-event-plan.ts')).href)) as { planArticleUpdated?: PlanFn };
    const keyModule = (await import(pathToFileURL(path.join(appDir, 'components/workbench/query-keys.ts')).href)) as { queryKeys?: ClientPlan['keys'] };
    if (!planModule.planArticleUpdated || !keyModule.queryKeys) return { plan: null, keys: null, note: 'no planArticleUpdated in this checkout: viewers refetch text and claims' };
    return { plan: planModule.planArticleUpdated, keys: keyModule.queryKeys, note: "refetches as the checkout's planArticleUpdated says" };
  } catch (error) {
    return { plan: null, keys: null, note: `could not load the client's plan (${(error as Error).message.split('\n')[0]}): viewers refetch text and claims` };
  }
}

function refetchUrls(plan: ClientPlan, articleId: string, event: Record<string, unknown>): string[] {
  const fallback = [`/api/articles/${articleId}?fields=meta`, `/api/articles/${articleId}?fields=text`, `/api/articles/${articleId}/claims`];
  if (!plan.plan || !plan.keys) return fallback;
  const version = typeof event.version === 'number' ? event.version - 1 : undefined;
  // A viewer that was up to date: it holds the revision the save started from.
  const delta = event.delta as { baseRevision?: unknown } | undefined;
  const baseRevision = typeof delta?.baseRevision === 'number' ? delta.baseRevision : typeof event.revision === 'number' ? event.revision - 1 : undefined;
  const held = { article: () => version, textRevision: () => baseRevision, claim: () => undefined, source: () => undefined, comment: () => undefined, verdict: () => undefined, assignment: () => false };
  const urls: string[] = [];
  const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  for (const action of plan.plan(event, held)) {
    if (action.type !== 'invalidate' && action.type !== 'invalidateAll') continue;
    if (same(action.queryKey, plan.keys.article(articleId))) urls.push(`/api/articles/${articleId}?fields=meta`);
    else if (same(action.queryKey, plan.keys.articleText(articleId))) urls.push(`/api/articles/${articleId}?fields=text`);
    else if (same(action.queryKey, plan.keys.claims(articleId))) urls.push(`/api/articles/${articleId}/claims`);
  }
  return urls;
}

async function sectionViewers(ctx: Ctx): Promise<void> {
  const VIEWERS = 20;
  const plan = await loadClientPlan(ctx.appDir);
  const measure = async (articleId: string) => {
    const streams = await openStreams(ctx.port, `/api/articles/${articleId}/events`, ctx.sessions, VIEWERS);
    await sleep(1500);
    const bytesBefore = streams.map((s) => s.bytes);
    let t0 = 0;
    let fetched = 0;
    const fetchedUrls = new Set<string>();
    const finished: number[] = [];
    try {
      const all = Promise.all(
        streams.map(
          (stream, i) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 60_000);
              stream.onMessage = (m) => {
                if (m.event !== 'article.updated') return;
                let event: Record<string, unknown> = {};
                try {
                  event = JSON.parse(m.data) as Record<string, unknown>;
                } catch {
                  // not JSON: counted as received
                }
                if (Array.isArray(event.fields) && !event.fields.includes('text')) return;
                stream.onMessage = null;
                const urls = refetchUrls(plan, articleId, event);
                const session = ctx.sessions[i % ctx.sessions.length]!;
                void (async () => {
                  for (const url of urls) {
                    const reply = await request(ctx.port, 'GET', url, { cookie: session.cookie, headers: BROWSER_HEADERS });
                    fetched += reply.raw.length;
                    fetchedUrls.add(url.replace(articleId, ':id'));
                  }
                  finished.push(performance.now() - t0);
                  clearTimeout(timer);
                  resolve();
                })();
              };
            }),
        ),
      );
      const { article } = await getJson<{ article: { revision: number; doc: JsonNode } }>(ctx.port, `/api/articles/${articleId}?fields=text`, ctx.editor.cookie);
      const node = firstTextNode(article.doc)!;
      node.text = `Viewers${node.text!.slice(Math.max(0, node.text!.indexOf(' ')))}`;
      t0 = performance.now();
      await expectStatus(request(ctx.port, 'PUT', `/api/articles/${articleId}/text`, { cookie: ctx.editor.cookie, body: JSON.stringify({ revision: article.revision, doc: article.doc }), headers: BROWSER_HEADERS }), [200], 'PUT /api/articles/:id/text');
      await all;
      await sleep(200);
    } finally {
      for (const s of streams) s.close();
    }
    const sse = streams.reduce((sum, s, i) => sum + s.bytes - bytesBefore[i]!, 0);
    await sleep(1000);
    return `${fmtMs(Math.max(...finished))} until all ${finished.length} have it, ${fmtBytes(sse + fetched)} sent (SSE ${fmtBytes(sse)} + refetches ${fmtBytes(fetched)}${fetchedUrls.size ? `: ${[...fetchedUrls].join(', ')}` : ''})`;
  };
  const demo = await measure(ctx.demo.id);
  const big = await measure(ctx.big.id);
  row(`one text save seen by ${VIEWERS} viewers (${plan.note})`, big, demo, '≤ 200 ms, ≤ 1 MB');
}

function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const pdfCell = (r: { ms: number; pages: number; failed: number }) => (r.failed ? `FAILED (HTTP ${r.failed} after ${fmtMs(r.ms)})` : `${fmtMs(r.ms)} (${r.pages.toLocaleString('en')} pages)`);

async function sectionExport(ctx: Ctx): Promise<void> {
  const exportOnce = async (articleId: string, format: 'html' | 'pdf', session: Session, probe: boolean) => {
    const poller = probe ? pollHealth(ctx.port) : null;
    const reply = await request(ctx.port, 'GET', `/api/articles/${articleId}/export?format=${format}`, { cookie: session.cookie, headers: BROWSER_HEADERS });
    const stall = poller ? (await poller.stop()).worst : null;
    if (reply.status !== 200) {
      const message = reply.raw.toString('utf8').slice(0, 300);
      if (format === 'html') throw new Error(`${format} export answered HTTP ${reply.status}: ${message}`);
      console.error(`  ${format} export answered HTTP ${reply.status} after ${fmtMs(reply.ms)}: ${message}`);
    }
    return { ms: reply.ms, bytes: reply.raw.length, pages: format === 'pdf' ? pdfPages(reply.raw) : 0, stall, failed: reply.status !== 200 ? reply.status : 0 };
  };
  const idle = pollHealth(ctx.port);
  await sleep(2000);
  stalls.idle = fmtMs((await idle.stop()).worst);

  const html = async (articleId: string, probeLast: boolean) => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await exportOnce(articleId, 'html', ctx.editor, probeLast && i === 2));
    return runs;
  };
  const demoHtml = await html(ctx.demo.id, false);
  const bigHtml = await html(ctx.big.id, true);
  // PDF exports are rate-limited per person (10 per 10 minutes): one each, by different people.
  const demoPdf = await exportOnce(ctx.demo.id, 'pdf', ctx.owner, false);
  const bigPdf = await exportOnce(ctx.big.id, 'pdf', ctx.editor, true);
  row(
    'HTML export / PDF export',
    `${fmtMs(median(bigHtml.map((r) => r.ms)))} (${fmtBytes(bigHtml[0]!.bytes)}) / ${pdfCell(bigPdf)}`,
    `${fmtMs(median(demoHtml.map((r) => r.ms)))} / ${pdfCell(demoPdf)}`,
    '≤ 150 ms / ≤ 5 s',
  );
  stalls.export = [`HTML export ${fmtMs(bigHtml[2]!.stall ?? Number.NaN)}`, `PDF export ${fmtMs(bigPdf.stall ?? Number.NaN)}`];
}

async function sectionClaims(ctx: Ctx): Promise<void> {
  const measure = async (articleId: string) => {
    const plain = await request(ctx.port, 'GET', `/api/articles/${articleId}/claims`, { cookie: ctx.reviewer.cookie });
    const gzip = await request(ctx.port, 'GET', `/api/articles/${articleId}/claims`, { cookie: ctx.reviewer.cookie, headers: { 'accept-encoding': 'gzip' } });
    if (plain.status !== 200 || gzip.status !== 200) throw new Error(`GET claims answered ${plain.status}/${gzip.status}`);
    const count = (JSON.parse(plain.body) as { claims: unknown[] }).claims.length;
    return `${fmtBytes(plain.raw.length)} plain / ${fmtBytes(gzip.raw.length)} with Accept-Encoding: gzip (Content-Encoding: ${gzip.headers['content-encoding'] ?? 'none'}), ${count.toLocaleString('en')} claims, ${fmtMs(plain.ms)}`;
  };
  const big = await measure(ctx.big.id);
  const demo = await measure(ctx.demo.id);
  row('GET /api/articles/:id/claims', big, demo, 'compressed; list rows slim');
}

async function sectionAnchoring(): Promise<void> {
  const file = path.join(REPO, 'bench/anchoring.bench.ts');
  const source = fs.readFileSync(file, 'utf8');
  if (!/export\s+(async\s+)?function\s+runAnchoringBench\b/.test(source)) {
    row('anchoring (bench/anchoring.bench.ts)', 'runAnchoringBench() is not exported by bench/anchoring.bench.ts yet: run `npx tsx bench/anchoring.bench.ts`', '', '2,000 claims ≤ 30 ms');
    return;
  }
  const anchoringBench = (await import(pathToFileURL(file).href)) as { runAnchoringBench: () => unknown };
  const result = await anchoringBench.runAnchoringBench();
  const list = Array.isArray(result) ? result : result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows) ? (result as { rows: unknown[] }).rows : [];
  for (const item of list as Array<Record<string, unknown>>) {
    const pick = (...names: string[]) => names.map((n) => item[n]).find((v) => v !== undefined);
    const show = (v: unknown) => (typeof v === 'number' ? fmtMs(v) : v === undefined ? '' : String(v));
    const cpu = typeof item.cpuMs === 'number' ? ` (CPU ${fmtMs(item.cpuMs)})` : '';
    row(`anchoring: ${show(pick('what', 'label', 'name'))}`, `${show(pick('big', 'value', 'ms', 'ours', 'median'))}${cpu}`, show(pick('baseline', 'annotator', 'compare', 'other')), show(pick('goal')) || '');
  }
  if (list.length === 0) row('anchoring (runAnchoringBench)', 'printed above', '', '2,000 claims ≤ 30 ms');
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const began = performance.now();
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Claimdesk app bench — ${new Date().toISOString()}, app ${options.appDir} (build ${options.distDir}), ${os.cpus().length} cores, load ${load()}`);

  const article = await loadBigArticle();
  console.log(`Big article: ${WORDS.toLocaleString('en')} words, ${article.text.length.toLocaleString('en')} UTF-16 units, ${article.ranges.length.toLocaleString('en')} claims (generator: ${article.source}).`);
  const build = await ensureBuild(options.appDir, options.distDir, { skip: options.skipBuild, force: options.forceBuild });
  if (build.built) console.log(`Built in ${(build.ms / 1000).toFixed(0)} s.`);

  const startedAt = performance.now();
  const server = await startBenchServer(options.appDir, options.distDir);
  const port = server.port;
  const sessions: Session[] = [];
  for (const email of ['nadia@claimdesk.demo', 'tom@claimdesk.demo', 'ana@claimdesk.demo', 'kofi@claimdesk.demo', 'vera@claimdesk.demo']) sessions.push(await signIn(port, email));
  const big = await seedBigArticle(server, sessions[1]!, 'Newsroom-scale bench article', article.text, article.ranges, describeBmp);
  const demoRow = server.readDb().prepare('SELECT id FROM articles WHERE title LIKE ?').get('%Khamenei%') as { id: string } | undefined;
  if (!demoRow) throw new Error('The demo article is missing from the seeded database.');
  console.log(`Server pid ${server.pid} on port ${port}, seeded and up in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (database ${server.databaseFile}).`);
  const ctx: Ctx = { server, port, baseURL: `http://localhost:${port}`, sessions, owner: sessions[0]!, editor: sessions[1]!, reviewer: sessions[2]!, big: { id: big.id }, demo: { id: demoRow.id }, appDir: options.appDir };

  // Warm-up: every route the bench uses answers once before anything is timed.
  await getJson(port, `/api/articles/${big.id}/claims`, ctx.reviewer.cookie);
  await getJson(port, `/api/articles/${ctx.demo.id}?fields=text`, ctx.reviewer.cookie);

  // Order: memory per stream on the fresh server; nothing before the workbench adds claims to the
  // big article; the bulk claim creation runs last.
  const order: Array<[Section, () => Promise<void>]> = [
    ['heap', () => sectionHeap(ctx)],
    ['workbench', () => sectionWorkbench(ctx)],
    ['claims', () => sectionClaims(ctx)],
    ['export', () => sectionExport(ctx)],
    ['save', () => sectionSave(ctx)],
    ['viewers', () => sectionViewers(ctx)],
    ['live', () => sectionLive(ctx)],
    ['create', () => sectionCreate(ctx)],
    ['concurrent', () => sectionConcurrent(ctx)],
  ];
  for (const [name, fn] of order) {
    if (!options.only.has(name)) continue;
    const t = performance.now();
    console.log(`[${name}] load ${load()}`);
    try {
      await fn();
    } catch (error) {
      console.error(`  [${name}] failed: ${(error as Error).stack ?? error}`);
      row(`${name}: FAILED`, (error as Error).message.split('\n')[0]!.slice(0, 160), '', '');
    }
    console.log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  if (options.only.has('save') || options.only.has('export')) {
    row('worst stall of GET /api/health (polled every 10 ms) during a big export or save', `${stalls.export.join(', ') || '–'}, text save ${stalls.save}`, `${stalls.idle} idle (2 s)`, '≤ 50 ms');
  }
  await server.cleanup();
  if (options.only.has('anchoring')) {
    console.log(`[anchoring] load ${load()}`);
    await sectionAnchoring().catch((error: unknown) => row('anchoring: FAILED', (error as Error).message.split('\n')[0]!, '', ''));
  }

  const total = (performance.now() - began) / 1000;
  console.log('');
  console.log(`## App bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${options.appDir}${options.appDir === REPO ? ' (this checkout)' : ''}, ${os.cpus().length} cores`);
  console.log(`Big article: ${WORDS.toLocaleString('en')} words, ${CLAIMS.toLocaleString('en')} claims; medians; the baseline is the same run on the small demo article (or idle).`);
  console.log('');
  console.log('| what (big article) | big article | same run, demo article / idle | goal |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.big} | ${r.baseline} | ${r.goal} |`);
  console.log('');
  console.log(`Total ${total.toFixed(0)} s${build.built ? ` (build ${(build.ms / 1000).toFixed(0)} s)` : ' (existing build)'}; load average at the end ${load()}.`);
}

main()
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await runCleanups();
    // Keep-alive agents or a stray stream must not keep the process alive.
    setTimeout(() => process.exit(), 500).unref();
  });
