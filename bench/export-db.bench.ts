/**
 * The main-thread part of a newsroom-scale export, from the database: seeds a test database
 * (db/test-db.ts, SQLite unless DATABASE_URL says PostgreSQL) with the 100,000-word article and
 * 2,000 claims, each with a source and a history row, then times what the export route does on the
 * main thread: reading the report (db/queries/report.ts) and handing it to the export worker.
 * A 1 ms interval timer measures the longest main-thread stall. Prints; nothing is asserted.
 *
 * Run: NODE_ENV=production npx tsx bench/export-db.bench.ts [runs=5] [format=html]
 *      (add `node --cpu-prof --cpu-prof-dir=/tmp/prof` via NODE_OPTIONS for a profile)
 */
import { eq } from 'drizzle-orm';
import { articles, claims, historyEntries, sources } from '../db/schema';
import { transaction } from '../db/transaction';
import { buildReportViewModel } from '../db/queries/report';
import { closeTestDbs } from '../db/test-db';
import { exportWorkerPool, renderExport } from '../lib/export/worker';
import type { ExportFormat } from '../lib/export';
import { reviewFixture } from '../test/fixtures/review-db';
import { bigArticleText } from './big-report';

const RUNS = Number(process.argv[2] ?? 5);
const FORMAT = (process.argv[3] ?? 'html') as ExportFormat;

async function stallDuring<T>(work: () => Promise<T>): Promise<{ maxGap: number; ms: number; cpuMs: number; result: T }> {
  let last = performance.now();
  let maxGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  maxGap = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  return { maxGap, ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(label: string, work: () => Promise<unknown>): Promise<void> {
  const runs: Array<{ maxGap: number; ms: number; cpuMs: number }> = [];
  await work(); // warm-up
  for (let i = 0; i < RUNS; i += 1) runs.push(await stallDuring(work));
  console.log(
    `${label.padEnd(34)} median ${median(runs.map((r) => r.ms)).toFixed(0).padStart(5)} ms wall, ${median(runs.map((r) => r.cpuMs)).toFixed(0).padStart(5)} ms process CPU (all threads)   longest main-thread stall median ${median(runs.map((r) => r.maxGap)).toFixed(1).padStart(6)} ms (all ${runs.map((r) => r.maxGap.toFixed(0)).join(', ')})`,
  );
}

async function main(): Promise<void> {
  const { db, article, u } = await seedBig();
  const pool = exportWorkerPool();
  const opts = { appUrl: 'http://localhost:3000', viewer: { userId: u.tom, role: 'editor' as const } };
  await measure('read the report (buildReportViewModel)', () => buildReportViewModel(db, article.id, opts));
  await measure(`read + ${FORMAT} on the worker`, async () => renderExport(await buildReportViewModel(db, article.id, opts), FORMAT, { pool, worker: true }));
  await pool.close();
  await closeTestDbs();
}

async function seedBig() {
  const fixture = await reviewFixture();
  const { db, article, u, workspaceId } = fixture;
  const text = bigArticleText();
  const random = (() => {
    let s = 7;
    return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  })();
  await transaction(db, async (tx) => {
    await tx.delete(claims).where(eq(claims.articleId, article.id));
    await tx.update(articles).set({ plainText: text, status: 'draft' }).where(eq(articles.id, article.id));
    const rows = [];
    for (let i = 0; i < 2_000; i += 1) {
      const from = text.indexOf(' ', Math.floor(random() * (text.length - 200))) + 1;
      const to = text.indexOf(' ', from + 40 + Math.floor(random() * 80));
      rows.push({
        id: `big-claim-${i + 1}`,
        workspaceId,
        articleId: article.id,
        quoteExact: text.slice(from, to),
        quotePrefix: text.slice(Math.max(0, from - 32), from),
        quoteSuffix: text.slice(to, to + 32),
        positionStart: from,
        positionEnd: to,
        anchoredRevision: article.revision,
        originalQuote: text.slice(from, to),
        claimText: text.slice(from, to),
        number: i + 1,
        authorId: u.tom,
      });
    }
    for (let i = 0; i < rows.length; i += 200) await tx.insert(claims).values(rows.slice(i, i + 200));
    const sourceRows = rows.map((r, i) => ({ claimId: r.id, url: `https://example.org/source/${i}`, title: `Source ${i}`, publisher: 'Example', excerpt: 'An excerpt of the source.', position: 0 }));
    for (let i = 0; i < sourceRows.length; i += 200) await tx.insert(sources).values(sourceRows.slice(i, i + 200) as never);
    const historyRows = rows.map((r) => ({ workspaceId, articleId: article.id, claimId: r.id, actorId: u.tom, action: 'create' as const, entityType: 'claim', entityId: r.id, before: null, after: { quote: r.quoteExact, status: 'open' } }));
    for (let i = 0; i < historyRows.length; i += 200) await tx.insert(historyEntries).values(historyRows.slice(i, i + 200) as never);
  });
  return fixture;
}

void main();
