/**
 * `npm run bench:search`: issue 14's "Performance" — the desk's memory at newsroom scale. Builds ONE
 * workspace with 5,000 articles (300–800 words each, ~2.7M words, some in Persian) and 100,000
 * claims (20 per article) with sources (1 per 2 claims), comments (1 per 4), reviewer verdicts with
 * reasons, final verdicts and rationales on half the claims, a few blind-review and trashed
 * articles and 1,000 claim-library items, in a temporary SQLite file (or, with --pg or a
 * postgres DATABASE_URL, in a fresh PostgreSQL database that is dropped afterwards). Then prints:
 *
 *   - build time (base rows with the search triggers on; article blocks through
 *     indexMissingArticleBlocks), the index rebuild alone (search_docs emptied, refilled with the
 *     SELECTs of migration 0006 + the blocks), row counts, database size with and without the index;
 *   - searchWorkspaces over a query mix, p50/p95/max over --runs runs each after a warm-up, and
 *     the raw full-text lookup underneath each (the floor);
 *   - findSimilarClaims ("Already checked?") on --similar-runs random claims;
 *   - updateArticleText: a one-paragraph edit of a 100,000-word article (how many block rows change).
 *
 *   npm run bench:search                                      # SQLite, full scale
 *   npm run bench:search -- --articles 200                    # quick run (4,000 claims)
 *   npm run bench:search -- --pg                              # PostgreSQL (DATABASE_URL or the local cluster)
 *   npm run bench:search -- --db /tmp/desk.db              # build into a kept file; later runs reuse it (queries only)
 *   flags: --articles N  --claims-per-article N  --runs N  --similar-runs N  --big-words N  --keep  --no-rebuild
 *          --budget S (seconds per query, ≥ 20 runs; default 15)  --cache-mb N (SQLite page cache per connection)
 *
 * Nothing is asserted; numbers are printed. Targets (issue 14): search p95 ≤ 50 ms, "Already
 * checked?" ≤ 100 ms.
 */
// First: with --pg, DATABASE_URL must name the bench's database before db/schema loads.
import { BENCH_PG, BENCH_PG_ADMIN_URL, BENCH_PG_DB, BENCH_PG_URL } from './search-env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { closeDb, engineOf, migrateDb, openDb, queryRows, sqliteConnection, type Db } from '../db/client';
import { createArticle, updateArticleText } from '../db/queries/articles';
import { indexMissingArticleBlocks } from '../db/queries/search-index';
import { searchWorkspaces } from '../db/queries/search';
import { findSimilarClaims } from '../db/queries/similar-claims';
import { plainTextToDocJson, jsonDocToText } from '../lib/editor/doc-text';
import { DEFAULT_RATING_LEVELS } from '../lib/verdicts/default-scale';
import type { SearchParams } from '../lib/search/types';
import { commentFor, int, makeArticle, makeBigText, makeFacts, pick, rationaleFor, reviewerReason, rng, sourceFor, TAIL, type GeneratedArticle } from './search-data';

// ---------------------------------------------------------------------------------------------
// Flags

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ARTICLES = Number(flag('articles') ?? 5000);
const CLAIMS_PER_ARTICLE = Number(flag('claims-per-article') ?? 20);
const RUNS = Number(flag('runs') ?? 200);
const SIMILAR_RUNS = Number(flag('similar-runs') ?? 200);
const BIG_WORDS = Number(flag('big-words') ?? 100_000);
const KEEP = process.argv.includes('--keep');
/** SQLite: build into (or, when it holds the bench workspace already, reuse) this file, and keep it. */
const DB_FILE = flag('db');
/** Stop a query's runs after this many seconds (at least 20 runs): a slow query must not take the hour. */
const BUDGET_S = Number(flag('budget') ?? 15);
/** SQLite page cache per connection in MB (PRAGMA cache_size); SQLite's default is 2 MB. */
const CACHE_MB = flag('cache-mb') === undefined ? undefined : Number(flag('cache-mb'));
const REBUILD = !process.argv.includes('--no-rebuild');
const PG = BENCH_PG;
const PG_URL = BENCH_PG_ADMIN_URL;
const PG_DB = BENCH_PG_DB;

// ---------------------------------------------------------------------------------------------
// Output helpers

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const n = (v: number) => v.toLocaleString('en');
function log(line: string) {
  process.stdout.write(`${line}\n`);
}
function table(header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of cells.slice(1)) log(line(r));
}
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.at(-1)! };
}

// ---------------------------------------------------------------------------------------------
// Bulk insertion: raw SQL in big transactions (better-sqlite3 prepared statements; PostgreSQL
// INSERT … SELECT FROM unnest(arrays), 1,000 rows a statement).

type ColType = 'text' | 'int' | 'bool' | 'ts' | 'json' | 'real';
type Cols = readonly (readonly [string, ColType])[];
type Row = unknown[];

const PG_ARRAY: Record<ColType, string> = { text: 'text[]', int: 'int[]', bool: 'bool[]', ts: 'timestamptz[]', json: 'jsonb[]', real: 'float8[]' };

interface Loader {
  dialect: 'sqlite' | 'postgres';
  begin(): Promise<void>;
  commit(): Promise<void>;
  insert(table: string, cols: Cols, rows: Row[]): Promise<void>;
  exec(statement: string): Promise<void>;
  rows<T>(statement: string, params?: unknown[]): Promise<T[]>;
  release(): void;
}

function sqliteLoader(db: Db): Loader {
  const conn = sqliteConnection(db);
  const statements = new Map<string, ReturnType<typeof conn.prepare>>();
  return {
    dialect: 'sqlite',
    begin: async () => void conn.exec('BEGIN'),
    commit: async () => void conn.exec('COMMIT'),
    async insert(table, cols, rows) {
      const key = `${table}:${cols.map((c) => c[0]).join(',')}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = conn.prepare(`INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        statements.set(key, stmt);
      }
      for (const row of rows) stmt.run(row.map((v, i) => (cols[i]![1] === 'bool' ? (v ? 1 : 0) : cols[i]![1] === 'json' ? JSON.stringify(v) : v)));
    },
    exec: async (statement) => void conn.exec(statement),
    rows: async <T>(statement: string, params: unknown[] = []) => conn.prepare(statement).all(params) as T[],
    release() {},
  };
}

async function pgLoader(db: Db): Promise<Loader> {
  const engine = engineOf(db);
  if (engine.dialect !== 'postgres') throw new Error('pgLoader: not PostgreSQL');
  const client = await engine.pool.connect();
  return {
    dialect: 'postgres',
    begin: async () => void (await client.query('BEGIN')),
    commit: async () => void (await client.query('COMMIT')),
    async insert(table, cols, rows) {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const arrays = cols.map((c, j) => chunk.map((r) => (c[1] === 'ts' && typeof r[j] === 'number' ? new Date(r[j]).toISOString() : c[1] === 'json' ? JSON.stringify(r[j]) : r[j])));
        await client.query(`INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')}) SELECT * FROM unnest(${cols.map((c, j) => `$${j + 1}::${PG_ARRAY[c[1]]}`).join(', ')})`, arrays);
      }
    },
    exec: async (statement) => void (await client.query(statement)),
    rows: async <T>(statement: string, params: unknown[] = []) => (await client.query(statement, params)).rows as T[],
    release: () => client.release(),
  };
}

// ---------------------------------------------------------------------------------------------
// The workspace

const ARTICLE_COLS = [['id', 'text'], ['workspace_id', 'text'], ['slug', 'text'], ['title', 'text'], ['outlet', 'text'], ['byline', 'text'], ['published_on', 'text'], ['language', 'text'], ['doc_json', 'json'], ['plain_text', 'text'], ['status', 'text'], ['claim_counter', 'int'], ['blind_review', 'bool'], ['deleted_at', 'ts'], ['created_by', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;
const CLAIM_COLS = [['id', 'text'], ['workspace_id', 'text'], ['article_id', 'text'], ['quote_exact', 'text'], ['position_start', 'int'], ['position_end', 'int'], ['anchored_revision', 'int'], ['original_quote', 'text'], ['claim_text', 'text'], ['claimant', 'text'], ['claim_date', 'text'], ['verdict_id', 'text'], ['rationale', 'text'], ['status', 'text'], ['number', 'int'], ['author_id', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;
const SOURCE_COLS = [['id', 'text'], ['claim_id', 'text'], ['url', 'text'], ['title', 'text'], ['publisher', 'text'], ['excerpt', 'text'], ['position', 'int'], ['created_by', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;
const COMMENT_COLS = [['id', 'text'], ['claim_id', 'text'], ['author_id', 'text'], ['body', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;
const VERDICT_COLS = [['id', 'text'], ['claim_id', 'text'], ['user_id', 'text'], ['verdict_id', 'text'], ['reason', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;
const LIBRARY_COLS = [['id', 'text'], ['workspace_id', 'text'], ['url', 'text'], ['claim_reviewed', 'text'], ['claimant', 'text'], ['review_org', 'text'], ['rating_name', 'text'], ['review_date', 'text'], ['language', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']] as const;

interface Desk {
  workspaceId: string;
  owner: string;
  editor: string;
  reviewers: string[];
  viewer: string;
  levels: { id: string; key: string; label: string }[];
}

const uuid = () => crypto.randomUUID();
const NOW = Date.UTC(2026, 10, 1);

async function createDesk(loader: Loader): Promise<Desk> {
  const desk: Desk = { workspaceId: uuid(), owner: uuid(), editor: uuid(), reviewers: [uuid(), uuid(), uuid()], viewer: uuid(), levels: [] };
  await loader.begin();
  const people = [
    [desk.owner, 'owner', 'Olivia Owner'],
    [desk.editor, 'editor', 'Eddie Editor'],
    ...desk.reviewers.map((id, i) => [id, 'reviewer', `Reviewer ${i + 1}`]),
    [desk.viewer, 'viewer', 'Vera Viewer'],
  ] as const;
  await loader.insert('users', [['id', 'text'], ['email', 'text'], ['name', 'text'], ['password_hash', 'text'], ['created_at', 'ts']], people.map(([id, role, name], i) => [id, `${role}${i}@bench.example`, name, 'x', NOW]));
  await loader.insert('workspaces', [['id', 'text'], ['slug', 'text'], ['name', 'text'], ['organization_name', 'text'], ['created_at', 'ts']], [[desk.workspaceId, 'bench-desk', 'Bench desk', 'Bench Fact Check', NOW]]);
  await loader.insert('memberships', [['workspace_id', 'text'], ['user_id', 'text'], ['role', 'text'], ['created_at', 'ts']], people.map(([id, role]) => [desk.workspaceId, id, role, NOW]));
  const scaleId = uuid();
  await loader.insert('rating_scales', [['id', 'text'], ['workspace_id', 'text'], ['name', 'text'], ['created_at', 'ts'], ['updated_at', 'ts']], [[scaleId, desk.workspaceId, 'Default', NOW, NOW]]);
  desk.levels = DEFAULT_RATING_LEVELS.map((l) => ({ id: uuid(), key: l.key, label: l.label }));
  await loader.insert(
    'rating_levels',
    [['id', 'text'], ['scale_id', 'text'], ['key', 'text'], ['label', 'text'], ['description', 'text'], ['color', 'text'], ['value', 'real'], ['position', 'int']],
    DEFAULT_RATING_LEVELS.map((l, i) => [desk.levels[i]!.id, scaleId, l.key, l.label, l.description ?? '', l.color, l.value ?? null, i]),
  );
  await loader.commit();
  return desk;
}

interface Counts {
  articles: number;
  words: number;
  claims: number;
  sources: number;
  comments: number;
  verdicts: number;
  finals: number;
  blind: number;
  trashed: number;
  library: number;
  persian: number;
}

/** Inserts the articles and everything on their claims, 250 articles a transaction. */
async function fillDesk(loader: Loader, desk: Desk): Promise<{ counts: Counts; claimIds: string[]; blindArticles: Set<string> }> {
  const r = rng(20261126);
  const facts = makeFacts(r, 2000);
  const counts: Counts = { articles: 0, words: 0, claims: 0, sources: 0, comments: 0, verdicts: 0, finals: 0, blind: 0, trashed: 0, library: 0, persian: 0 };
  const claimIds: string[] = [];
  const blindArticles = new Set<string>();
  const BATCH = 250;
  const started = performance.now();
  let checkedText = false;
  for (let first = 0; first < ARTICLES; first += BATCH) {
    const articles: Row[] = [];
    const claims: Row[] = [];
    const sources: Row[] = [];
    const comments: Row[] = [];
    const verdicts: Row[] = [];
    for (let a = first; a < Math.min(ARTICLES, first + BATCH); a += 1) {
      const persian = a % 12 === 5;
      const art: GeneratedArticle = makeArticle(r, facts, { minWords: 300, maxWords: 800, claimCount: CLAIMS_PER_ARTICLE, persian });
      const doc = plainTextToDocJson(art.text);
      if (!checkedText) {
        // The offsets of the claims are into the canonical text: it must be the generated text itself.
        if (jsonDocToText(doc) !== art.text) throw new Error('bench: generated text is not canonical');
        checkedText = true;
      }
      const articleId = uuid();
      const blind = a % 50 === 7;
      const trashed = a % 250 === 11;
      const created = NOW - (ARTICLES - a) * 3_600_000;
      const status = pick(r, ['draft', 'in_review', 'ready', 'published', 'published'] as const);
      articles.push([articleId, desk.workspaceId, `article-${a}`, art.title, art.outlet, art.byline, new Date(created).toISOString().slice(0, 10), art.language, doc, art.text, status, art.claims.length, blind, trashed ? NOW : null, desk.editor, created, created]);
      counts.articles += 1;
      counts.words += art.words;
      if (blind) {
        counts.blind += 1;
        blindArticles.add(articleId);
      }
      if (trashed) counts.trashed += 1;
      if (persian) counts.persian += 1;
      art.claims.forEach((c, i) => {
        const claimId = uuid();
        if (!trashed) claimIds.push(claimId);
        const final = r() < 0.5;
        const level = final ? pick(r, desk.levels) : null;
        claims.push([claimId, desk.workspaceId, articleId, c.quote, c.start, c.end, 1, c.quote, c.statement, c.claimant, c.fact ? `${c.fact.year}-0${int(r, 1, 9)}-1${int(r, 0, 9)}` : null, level?.id ?? null, final ? rationaleFor(r, c) : '', final ? 'resolved' : pick(r, ['open', 'open', 'in_review'] as const), i + 1, desk.editor, created + i, created + i]);
        counts.claims += 1;
        if (final) counts.finals += 1;
        const k = counts.claims;
        if (k % 2 === 0) {
          const s = sourceFor(r, c, k);
          sources.push([uuid(), claimId, s.url, s.title, s.publisher, s.excerpt, 0, desk.editor, created + i, created + i]);
          counts.sources += 1;
        }
        if (k % 4 === 1) {
          comments.push([uuid(), claimId, pick(r, [desk.editor, ...desk.reviewers]), commentFor(r, c), created + i, created + i]);
          counts.comments += 1;
        }
        if (final || blind ? r() < 0.6 : r() < 0.15) {
          const reviewers = r() < 0.5 ? desk.reviewers.slice(0, 1) : desk.reviewers.slice(0, 2);
          for (const reviewer of reviewers) {
            verdicts.push([uuid(), claimId, reviewer, pick(r, desk.levels).id, r() < 0.8 ? reviewerReason(r, c) : '', created + i, created + i]);
            counts.verdicts += 1;
          }
        }
      });
    }
    await loader.begin();
    await loader.insert('articles', ARTICLE_COLS, articles);
    await loader.insert('claims', CLAIM_COLS, claims);
    await loader.insert('sources', SOURCE_COLS, sources);
    await loader.insert('comments', COMMENT_COLS, comments);
    await loader.insert('claim_verdicts', VERDICT_COLS, verdicts);
    await loader.commit();
    const done = Math.min(ARTICLES, first + BATCH);
    if (done % 1000 === 0 || done === ARTICLES) log(`  ${n(done)} / ${n(ARTICLES)} articles, ${n(counts.claims)} claims, ${n(counts.words)} words (${ms(performance.now() - started)})`);
  }
  // The claim library: other fact-checkers' reviews of the recurring claims.
  const library: Row[] = [];
  const libraryCount = Math.min(1000, Math.max(20, Math.round(ARTICLES / 5)));
  for (let i = 0; i < libraryCount; i += 1) {
    const f = facts[i % facts.length]!;
    library.push([uuid(), desk.workspaceId, `https://factcheck.example/reviews/${i}`, `${f.name}: ${f.topic} in ${f.place} ${f.up ? 'rose' : 'fell'} by ${f.pct}% in ${f.year}`, f.name, pick(r, ['Full Fact', 'PolitiFact', 'Factnameh', 'AFP Fact Check', 'Africa Check']), pick(r, ['False', 'Mostly true', 'Misleading', 'True']), `${f.year}-06-01`, f.persian ? 'fa' : 'en', NOW, NOW]);
  }
  await loader.begin();
  await loader.insert('claim_library_items', LIBRARY_COLS, library);
  await loader.commit();
  counts.library = library.length;
  return { counts, claimIds, blindArticles };
}

/**
 * Article text blocks as CORE's indexArticleBlocks stores them, for when the bench runs before
 * that function exists (its stub indexes nothing): one `block` row per paragraph, with its index
 * and its start in the plain text. Labelled "(bench fallback)" in the output.
 */
async function fallbackBlocks(loader: Loader, workspaceId: string): Promise<number> {
  const rows = await loader.rows<{ id: string; plain_text: string }>('SELECT id, plain_text FROM articles WHERE workspace_id = $1'.replace('$1', loader.dialect === 'sqlite' ? '?' : '$1'), [workspaceId]);
  const cols = [['workspace_id', 'text'], ['article_id', 'text'], ['kind', 'text'], ['ref_id', 'text'], ['block_index', 'int'], ['block_start', 'int'], ['body', 'text']] as const;
  let count = 0;
  for (let i = 0; i < rows.length; i += 250) {
    const blocks: Row[] = [];
    for (const a of rows.slice(i, i + 250)) {
      let start = 0;
      a.plain_text.split('\n\n').forEach((body, index) => {
        blocks.push([workspaceId, a.id, 'block', a.id, index, start, body]);
        start += body.length + 2;
      });
    }
    await loader.begin();
    await loader.insert('search_docs', cols, blocks);
    await loader.commit();
    count += blocks.length;
  }
  return count;
}

async function indexBlocks(db: Db, loader: Loader, workspaceId: string): Promise<{ ms: number; blocks: number; how: string }> {
  const t0 = performance.now();
  let blocks = await indexMissingArticleBlocks(db);
  let how = 'indexMissingArticleBlocks';
  const { c } = one(await loader.rows<{ c: number | string }>("SELECT count(*) AS c FROM search_docs WHERE kind = 'block'"));
  if (Number(c) === 0) {
    blocks = await fallbackBlocks(loader, workspaceId);
    how = 'bench fallback (CORE stub indexed nothing)';
  } else blocks = Number(c);
  return { ms: performance.now() - t0, blocks, how };
}

// ---------------------------------------------------------------------------------------------
// Size of the index

interface SizeReport {
  total: number;
  parts: [string, number][];
  index: number;
}

async function sizes(loader: Loader): Promise<SizeReport> {
  if (loader.dialect === 'sqlite') {
    const rows = await loader.rows<{ name: string; size: number }>('SELECT name, SUM(pgsize) AS size FROM dbstat GROUP BY name');
    const { page_count } = one(await loader.rows<{ page_count: number }>('PRAGMA page_count'));
    const { page_size } = one(await loader.rows<{ page_size: number }>('PRAGMA page_size'));
    const group = (test: (name: string) => boolean) => rows.filter((r) => test(r.name)).reduce((s, r) => s + r.size, 0);
    const parts: [string, number][] = [
      ['search_docs (rows + its b-tree indexes)', group((x) => x === 'search_docs' || x.startsWith('search_docs_'))],
      ['search_fts (words, FTS5)', group((x) => x.startsWith('search_fts'))],
      ['search_trigram (substrings, FTS5)', group((x) => x.startsWith('search_trigram'))],
      ['articles (doc_json + plain_text)', group((x) => x === 'articles' || x.startsWith('articles_') || x.startsWith('sqlite_autoindex_articles'))],
    ];
    return { total: page_count * page_size, parts, index: parts[0]![1] + parts[1]![1] + parts[2]![1] };
  }
  const [row] = await loader.rows<Record<string, string>>(`SELECT pg_database_size(current_database()) AS total,
    pg_relation_size('search_docs') + COALESCE(pg_total_relation_size((SELECT reltoastrelid FROM pg_class WHERE relname = 'search_docs')), 0) AS heap,
    pg_relation_size('search_docs_tsv_idx') AS tsv, pg_relation_size('search_docs_trgm_idx') AS trgm,
    pg_total_relation_size('search_docs') AS all_search, pg_total_relation_size('articles') AS articles`);
  const heap = Number(row!.heap);
  const tsv = Number(row!.tsv);
  const trgm = Number(row!.trgm);
  const all = Number(row!.all_search);
  const parts: [string, number][] = [
    ['search_docs heap + toast (body, tsv)', heap],
    ['search_docs b-tree indexes', all - heap - tsv - trgm],
    ['search_docs_tsv_idx (GIN, words)', tsv],
    ['search_docs_trgm_idx (GIN, trigrams)', trgm],
    ['articles (doc_json + plain_text, with toast)', Number(row!.articles)],
  ];
  return { total: Number(row!.total), parts, index: all };
}

// ---------------------------------------------------------------------------------------------
// Index rebuild: empty search_docs, then refill it with migration 0006's own SELECTs + the blocks.

function backfillStatements(dialect: 'sqlite' | 'postgres'): string[] {
  const file = path.join(process.cwd(), 'db', 'migrations', dialect === 'postgres' ? 'pg' : 'sqlite', '0006_desk_memory.sql');
  const text = fs.readFileSync(file, 'utf8');
  const tailText = text.slice(text.indexOf('-- What exists already'));
  return tailText
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.startsWith('INSERT INTO search_docs'));
}

async function emptyIndex(loader: Loader): Promise<void> {
  if (loader.dialect === 'postgres') {
    await loader.exec('TRUNCATE search_docs');
    return;
  }
  // Not timed: drop the per-row FTS delete trigger, clear the FTS indexes at once, put it back.
  const { sql: trigger } = one(await loader.rows<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_docs_ad'"));
  await loader.begin();
  await loader.exec('DROP TRIGGER search_docs_ad');
  await loader.exec('DELETE FROM search_docs');
  await loader.exec("INSERT INTO search_fts(search_fts) VALUES ('delete-all')");
  await loader.exec("INSERT INTO search_trigram(search_trigram) VALUES ('delete-all')");
  await loader.exec(trigger);
  await loader.commit();
}

// ---------------------------------------------------------------------------------------------
// Queries

/** FTS5 MATCH text, the same as a PostgreSQL tsquery, or a substring for the trigram index. */
interface Raw {
  match: string;
  ts?: string;
  trigram?: boolean;
}

interface QueryCase {
  label: string;
  params: Omit<SearchParams, 'q'> & { q: string };
  as?: 'reviewer';
  /** The raw full-text lookup underneath (the floor): FTS5 MATCH / tsquery, `trigram` for substrings. */
  raw?: Raw | null;
}

/** A made-up tail word that is in 3–12 indexed rows: the "rare word" of the mix. */
async function rareWord(loader: Loader): Promise<string> {
  const tailWords = new Set(TAIL);
  const rows =
    loader.dialect === 'sqlite'
      ? await (async () => {
          await loader.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')");
          return loader.rows<{ term: string; docs: number }>('SELECT term, doc AS docs FROM temp.search_vocab WHERE doc BETWEEN 3 AND 12');
        })()
      : await loader.rows<{ term: string; docs: number }>("SELECT word AS term, ndoc AS docs FROM ts_stat('SELECT tsv FROM search_docs') WHERE ndoc BETWEEN 3 AND 12");
  const found = rows.filter((r) => tailWords.has(r.term)).sort((a, b) => a.term.localeCompare(b.term));
  return found[0]?.term ?? TAIL[TAIL.length - 1]!;
}

function queryMix(desk: Desk, rare: string): QueryCase[] {
  const falseLevel = desk.levels.find((l) => l.key === 'false')!.id;
  return [
    { label: 'common word: inflation', params: { q: 'inflation' }, raw: { match: 'inflation', ts: 'inflation' } },
    { label: 'very common word: said', params: { q: 'said' }, raw: { match: 'said', ts: 'said' } },
    { label: `rare word: ${rare}`, params: { q: rare }, raw: { match: rare, ts: rare } },
    { label: 'two words: inflation Tehran', params: { q: 'inflation Tehran' }, raw: { match: 'inflation Tehran', ts: 'inflation & tehran' } },
    { label: 'phrase: "youth unemployment"', params: { q: '"youth unemployment"' }, raw: { match: '"youth unemployment"', ts: 'youth <-> unemployment' } },
    { label: 'prefix: unemploy*', params: { q: 'unemploy*' }, raw: { match: 'unemploy*', ts: 'unemploy:*' } },
    { label: 'exclusion: inflation -Tehran', params: { q: 'inflation -Tehran' }, raw: { match: 'inflation NOT Tehran', ts: 'inflation & !tehran' } },
    { label: 'Persian word: تورم', params: { q: 'تورم' }, raw: { match: 'تورم', ts: 'تورم' } },
    { label: 'substring: employm', params: { q: 'employm' }, raw: { match: '"employm"', ts: 'employm', trigram: true } },
    { label: 'filter: inflation, verdict False', params: { q: 'inflation', verdictId: falseLevel }, raw: null },
    { label: 'filter: budget, claims only, resolved', params: { q: 'budget', kinds: ['claim'], claimStatus: 'resolved' }, raw: null },
    { label: 'as a reviewer (blind review): inflation', params: { q: 'inflation' }, as: 'reviewer', raw: null },
  ];
}

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('bench: the query returned no row');
  return row;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function rawProbe(db: Db, workspaceId: string, raw: Raw): Promise<{ ms: number; matches: number }> {
  const dialect = engineOf(db).dialect;
  if (dialect === 'sqlite') {
    const table = raw.trigram ? sql`search_trigram` : sql`search_fts`;
    // The full-text index alone (no join to search_docs): what ranking every match costs.
    void workspaceId;
    const [t] = await time(() => queryRows(db, sql`SELECT bm25(${table}) AS rank FROM ${table} WHERE ${table} MATCH ${raw.match} ORDER BY rank LIMIT 50`));
    const { c } = one(await queryRows<{ c: number }>(db, sql`SELECT count(*) AS c FROM ${table} WHERE ${table} MATCH ${raw.match}`));
    return { ms: t, matches: Number(c) };
  }
  if (raw.trigram) {
    const pattern = `%${raw.ts}%`;
    const [t] = await time(() => queryRows(db, sql`SELECT id, similarity(body, ${raw.ts}) AS rank FROM search_docs WHERE body ILIKE ${pattern} AND workspace_id = ${workspaceId} ORDER BY rank DESC LIMIT 50`));
    const { c } = one(await queryRows<{ c: string }>(db, sql`SELECT count(*) AS c FROM search_docs WHERE body ILIKE ${pattern}`));
    return { ms: t, matches: Number(c) };
  }
  const tsq = raw.ts ?? raw.match;
  const [t] = await time(() => queryRows(db, sql`SELECT id, ts_rank_cd(tsv, q) AS rank FROM search_docs, to_tsquery('simple', ${tsq}) q WHERE tsv @@ q AND workspace_id = ${workspaceId} ORDER BY rank DESC LIMIT 50`));
  const { c } = one(await queryRows<{ c: string }>(db, sql`SELECT count(*) AS c FROM search_docs WHERE tsv @@ to_tsquery('simple', ${tsq})`));
  return { ms: t, matches: Number(c) };
}

async function benchSearch(db: Db, loader: Loader, desk: Desk) {
  log(`\nsearchWorkspaces: ${RUNS} runs per query after 10 warm-up runs (target p95 ≤ 50 ms)`);
  const rows: (string | number)[][] = [];
  for (const c of queryMix(desk, await rareWord(loader))) {
    const viewer = { userId: c.as === 'reviewer' ? desk.reviewers[2]! : desk.owner };
    let cells: (string | number)[];
    try {
      for (let i = 0; i < 10; i += 1) await searchWorkspaces(db, viewer, c.params);
      const samples: number[] = [];
      let groups = 0;
      let total = 0;
      const until = performance.now() + BUDGET_S * 1000;
      for (let i = 0; i < RUNS && (i < 20 || performance.now() < until); i += 1) {
        const [t, res] = await time(() => searchWorkspaces(db, viewer, c.params));
        samples.push(t);
        groups = res.groups.length;
        total = res.totalGroups;
      }
      const s = stats(samples);
      cells = [ms(s.p50), ms(s.p95), ms(s.max), samples.length, `${groups}/${n(total)}`, total === 0 && !c.label.startsWith('rare word') ? 'no results?' : s.p95 <= 50 ? '✓' : '**missed**'];
    } catch (error) {
      cells = ['—', '—', '—', 0, '—', `error: ${(error as Error).message.slice(0, 60)}`];
    }
    let floor = '';
    if (c.raw) {
      const probes: number[] = [];
      let matches = 0;
      for (let i = 0; i < 20; i += 1) {
        const p = await rawProbe(db, desk.workspaceId, c.raw);
        probes.push(p.ms);
        matches = p.matches;
      }
      floor = `${ms(stats(probes).p50)} (${n(matches)} docs)`;
    }
    rows.push([c.label, ...cells, floor]);
  }
  table(['query', 'p50', 'p95', 'max', 'runs', 'groups shown/total', '≤ 50 ms', 'index alone: top 50 by rank, p50 (matching docs)'], rows);
}

async function benchSimilar(db: Db, desk: Desk, claimIds: string[]) {
  log(`\nfindSimilarClaims ("Already checked?"): ${SIMILAR_RUNS} random claims after 10 warm-up calls (target ≤ 100 ms)`);
  const r = rng(99);
  const viewer = { userId: desk.owner };
  try {
    for (let i = 0; i < 10; i += 1) await findSimilarClaims(db, viewer, pick(r, claimIds), { limit: 5 });
    const samples: number[] = [];
    let found = 0;
    let slowest = '';
    const until = performance.now() + BUDGET_S * 2000;
    for (let i = 0; i < SIMILAR_RUNS && (i < 50 || performance.now() < until); i += 1) {
      const id = pick(r, claimIds);
      const [t, res] = await time(() => findSimilarClaims(db, viewer, id, { limit: 5 }));
      if (t > Math.max(...samples, 0)) slowest = id;
      samples.push(t);
      found += res.length;
    }
    const s = stats(samples);
    table(['findSimilarClaims', 'p50', 'p95', 'max', 'runs', 'suggestions per claim', '≤ 100 ms'], [['random claims', ms(s.p50), ms(s.p95), ms(s.max), samples.length, (found / samples.length).toFixed(1), s.p95 <= 100 ? '✓' : '**missed**']]);
    log(`  slowest claim: ${slowest}`);
  } catch (error) {
    log(`  not measured: ${(error as Error).message}`);
  }
}

async function benchTextSave(db: Db, loader: Loader, desk: Desk) {
  log(`\nText save: a one-paragraph edit of a ${n(BIG_WORDS)}-word article (median of 7)`);
  const text = makeBigText(rng(5), BIG_WORDS);
  const [createMs, article] = await time(() => createArticle(db, { workspaceId: desk.workspaceId, title: 'The big report', outlet: 'Bench', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: desk.editor }));
  const blockRows = async () => loader.rows<{ id: number; body: string }>(`SELECT id, body FROM search_docs WHERE kind = 'block' AND article_id = ${loader.dialect === 'sqlite' ? '?' : '$1'}`, [article.id]);
  const initialBlocks = (await blockRows()).length;
  const baseDoc = plainTextToDocJson(text);
  const paragraphs = baseDoc.content!.length;
  const samples: number[] = [];
  let changed = 0;
  let revision = article.revision;
  let current = baseDoc;
  for (let run = 0; run < 7; run += 1) {
    const before = new Map((await blockRows()).map((b) => [b.id, b.body]));
    // One paragraph in the middle rewritten; the earlier runs' edits stay.
    const doc = JSON.parse(JSON.stringify(current)) as typeof baseDoc;
    current = doc;
    const target = doc.content![Math.floor(paragraphs / 2) + run]!;
    target.content = [{ type: 'text', text: `Corrected paragraph ${run}: the ministry revised its inflation figures for the third quarter of ${2020 + run}.` }];
    const [t, result] = await time(() => updateArticleText(db, article.id, doc, revision, desk.editor));
    revision = result.article.revision;
    samples.push(t);
    const after = await blockRows();
    const afterIds = new Set(after.map((b) => b.id));
    changed = after.filter((b) => before.get(b.id) !== b.body).length + [...before.keys()].filter((id) => !afterIds.has(id)).length;
  }
  // The big article goes again, so a reused database (--db) stays the same desk run after run.
  await loader.begin();
  await loader.exec(`DELETE FROM articles WHERE id = '${article.id}'`);
  await loader.commit();
  const s = stats(samples);
  table(
    [`text save (${n(BIG_WORDS)} words)`, 'value'],
    [
      ['createArticle (first index of its blocks)', `${ms(createMs)}, ${n(initialBlocks)} block rows (${n(paragraphs)} paragraphs)`],
      ['updateArticleText one-paragraph edit: median / max', `${ms(s.p50)} / ${ms(s.max)}`],
      ['block rows inserted + deleted by the last save', initialBlocks === 0 ? 'none (blocks not indexed on save yet)' : n(changed)],
    ],
  );
}

/** The bench workspace of a kept SQLite file (--db), or null when the file has none. */
async function existingDesk(loader: Loader): Promise<{ desk: Desk; claimIds: string[] } | null> {
  const tables = await loader.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'workspaces'");
  if (tables.length === 0) return null;
  const [ws] = await loader.rows<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'bench-desk'");
  if (!ws) return null;
  const members = await loader.rows<{ user_id: string; role: string }>('SELECT user_id, role FROM memberships WHERE workspace_id = ? ORDER BY user_id', [ws.id]);
  const emails = await loader.rows<{ id: string; email: string }>("SELECT id, email FROM users WHERE email LIKE '%@bench.example' ORDER BY email");
  const byRole = (role: string) => emails.filter((e) => e.email.startsWith(role)).map((e) => e.id);
  void members;
  const levels = await loader.rows<{ id: string; key: string; label: string }>('SELECT l.id, l.key, l.label FROM rating_levels l JOIN rating_scales s ON s.id = l.scale_id WHERE s.workspace_id = ? ORDER BY l.position', [ws.id]);
  const claimIds = (await loader.rows<{ id: string }>('SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.workspace_id = ? AND a.deleted_at IS NULL ORDER BY c.id', [ws.id])).map((r) => r.id);
  return { desk: { workspaceId: ws.id, owner: byRole('owner')[0]!, editor: byRole('editor')[0]!, reviewers: byRole('reviewer'), viewer: byRole('viewer')[0]!, levels }, claimIds };
}

// ---------------------------------------------------------------------------------------------

async function openBenchDb(): Promise<{ db: Db; cleanup: () => Promise<void>; where: string }> {
  if (!PG) {
    if (DB_FILE) {
      const db = openDb({ dialect: 'sqlite', file: DB_FILE }, { durable: false });
      return { db, where: DB_FILE, cleanup: () => closeDb(db) };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
    const file = path.join(dir, 'bench.db');
    const db = openDb({ dialect: 'sqlite', file }, { durable: false });
    return {
      db,
      where: file,
      cleanup: async () => {
        await closeDb(db);
        if (KEEP) log(`kept ${file}`);
        else fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_DB}`);
  const url = new URL(BENCH_PG_URL);
  const db = openDb({ dialect: 'postgres', url: BENCH_PG_URL }, { poolSize: 4 });
  return {
    db,
    where: `${url.host}/${PG_DB}`,
    cleanup: async () => {
      await closeDb(db);
      if (KEEP) log(`kept database ${PG_DB}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const { db, cleanup, where } = await openBenchDb();
  const dialect = engineOf(db).dialect;
  const engine = engineOf(db);
  if (engine.dialect === 'sqlite' && CACHE_MB !== undefined) {
    for (const connection of new Set([engine.reader, engine.writer])) connection.pragma(`cache_size = -${Math.round(CACHE_MB * 1024)}`);
  }
  log(`bench:search on ${dialect} (${where}): ${n(ARTICLES)} articles × ${CLAIMS_PER_ARTICLE} claims, ${os.cpus().length} cores, Node ${process.version}${CACHE_MB !== undefined ? `, SQLite cache_size ${CACHE_MB} MB` : ''}`);
  const loader = dialect === 'sqlite' ? sqliteLoader(db) : await pgLoader(db);
  try {
    const reused = DB_FILE ? await existingDesk(loader) : null;
    if (reused) {
      log(`Reusing the workspace in ${DB_FILE} (no build; delete the file to rebuild)`);
      await migrateDb(db);
      await indexBlocks(db, loader, reused.desk.workspaceId);
      await benchSearch(db, loader, reused.desk);
      await benchSimilar(db, reused.desk, reused.claimIds);
      await benchTextSave(db, loader, reused.desk);
      return;
    }
    const t0 = performance.now();
    await migrateDb(db);
    const desk = await createDesk(loader);
    log('Building (search triggers on):');
    const [baseMs, filled] = await time(() => fillDesk(loader, desk));
    const blocks = await indexBlocks(db, loader, desk.workspaceId);
    if (dialect === 'postgres') await loader.exec('ANALYZE');
    else await loader.exec('ANALYZE');
    const buildMs = performance.now() - t0;
    const { counts } = filled;
    const kinds = await loader.rows<{ kind: string; c: number | string; chars: number | string }>('SELECT kind, count(*) AS c, sum(length(body)) AS chars FROM search_docs GROUP BY kind ORDER BY kind');
    const docs = kinds.reduce((s, k) => s + Number(k.c), 0);
    log('');
    table(
      ['rows', 'count'],
      [
        ['articles (blind review / trashed / Persian)', `${n(counts.articles)} (${counts.blind} / ${counts.trashed} / ${counts.persian})`],
        ['words of article text', n(counts.words)],
        ['claims (final verdict + rationale)', `${n(counts.claims)} (${n(counts.finals)})`],
        ['sources / comments / reviewer verdicts / library items', `${n(counts.sources)} / ${n(counts.comments)} / ${n(counts.verdicts)} / ${n(counts.library)}`],
        ...kinds.map((k) => [`search_docs ${k.kind}`, `${n(Number(k.c))} (${mb(Number(k.chars))} of text)`]),
        ['search_docs total', n(docs)],
      ],
    );
    const size = await sizes(loader);
    log('');
    table(
      ['build', 'value'],
      [
        ['total build (migrate, rows with triggers, blocks, ANALYZE)', ms(buildMs)],
        ['rows with the search triggers on', ms(baseMs)],
        [`article blocks (${blocks.how})`, `${ms(blocks.ms)} (${n(blocks.blocks)} blocks)`],
        ['database size', mb(size.total)],
        ...size.parts.map(([label, bytes]) => [`  ${label}`, mb(bytes)] as [string, string]),
        ['search index (search_docs + full-text)', `${mb(size.index)}: +${((size.index / (size.total - size.index)) * 100).toFixed(0)}% over ${mb(size.total - size.index)} without it`],
      ],
    );
    if (REBUILD) {
      log('\nIndex rebuild (search_docs emptied, then refilled as migration 0006 does + blocks):');
      await emptyIndex(loader);
      const statements = backfillStatements(dialect);
      const [rowsMs] = await time(async () => {
        await loader.begin();
        for (const statement of statements) await loader.exec(statement);
        await loader.commit();
      });
      const again = await indexBlocks(db, loader, desk.workspaceId);
      await loader.exec('ANALYZE');
      table(
        ['index rebuild', 'time'],
        [
          [`triggered kinds (${statements.length} INSERT … SELECT of 0006)`, ms(rowsMs)],
          [`article blocks (${again.how})`, `${ms(again.ms)} (${n(again.blocks)} blocks)`],
          ['total', ms(rowsMs + again.ms)],
        ],
      );
    }
    await benchSearch(db, loader, desk);
    await benchSimilar(db, desk, filled.claimIds);
    await benchTextSave(db, loader, desk);
  } finally {
    loader.release();
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
