/**
 * What synchronous=FULL costs against NORMAL, in WAL mode on a real file (the app's settings).
 * Each commit is one claim-like row plus its history row in one transaction, as the app writes
 * them; then the same rows committed ten per transaction. Prints per-commit latency p50/p95 and
 * throughput; nothing is asserted.
 *
 * Run: npx tsx bench/sqlite-durability.bench.ts [commits=2000] [dir=./data]
 * The directory must be on the disk the app uses (a tmpfs would make fsync free).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

const COMMITS = Number(process.argv[2] ?? 2000);
const DIR = path.resolve(process.argv[3] ?? './data');
const BATCH = 10;

if (!Number.isInteger(COMMITS) || COMMITS < 10) throw new Error(`commits must be an integer ≥ 10 (got ${process.argv[2]}).`);

function open(file: string, synchronous: 'NORMAL' | 'FULL') {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE claims (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, quote TEXT NOT NULL, rationale TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, updated_at INTEGER NOT NULL);
           CREATE TABLE history_entries (id TEXT PRIMARY KEY, claim_id TEXT NOT NULL, action TEXT NOT NULL, after TEXT, created_at INTEGER NOT NULL);
           CREATE INDEX history_claim ON history_entries (claim_id);`);
  return db;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function run(synchronous: 'NORMAL' | 'FULL', perTransaction: number) {
  const file = path.join(DIR, `bench-durability-${process.pid}.db`);
  const db = open(file, synchronous);
  const insertClaim = db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?, ?, 1, ?)');
  const insertHistory = db.prepare('INSERT INTO history_entries VALUES (?, ?, ?, ?, ?)');
  const rationale = 'The ministry’s own figures show otherwise. '.repeat(12);
  const commit = db.transaction((n: number) => {
    for (let i = 0; i < n; i += 1) {
      const id = randomUUID();
      const now = Date.now();
      insertClaim.run(id, 'article-1', 'the quoted words of the claim', rationale, 'open', now);
      insertHistory.run(randomUUID(), id, 'create', JSON.stringify({ id, rationale, status: 'open' }), now);
    }
  });
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (let done = 0; done < COMMITS; done += perTransaction) {
    const t0 = process.hrtime.bigint();
    commit(perTransaction);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rowsPerSecond: COMMITS / seconds, commitsPerSecond: latencies.length / seconds };
}

fs.mkdirSync(DIR, { recursive: true });
console.log(`${COMMITS} claim+history writes in ${DIR} (WAL), Node ${process.version}`);
console.log('synchronous | per commit | p50 ms | p95 ms | commits/s | claims/s');
for (const perTransaction of [1, BATCH]) {
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const r = run(mode, perTransaction);
    console.log(`${mode.padEnd(11)} | ${String(perTransaction).padEnd(10)} | ${r.p50.toFixed(3).padStart(6)} | ${r.p95.toFixed(3).padStart(6)} | ${r.commitsPerSecond.toFixed(0).padStart(9)} | ${r.rowsPerSecond.toFixed(0).padStart(8)}`);
  }
}
