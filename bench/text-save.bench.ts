/**
 * A one-word text save on the big article (100,000 words, 2,000 claims; bench/app/big-article.ts),
 * measured in-process on a temporary SQLite database: what the route does (check the document,
 * save, build the answer and the live event) and how much it writes and sends. Nothing asserted.
 *
 *   npx tsx --tsconfig tsconfig.node.json bench/text-save.bench.ts [--runs 7] [--bottom]
 *
 * Also runs against an older tree (an exported commit with node_modules linked): it only uses
 * createArticle, updateArticleText and the claims table, and reads whatever the answer holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { closeDb, openDb, migrateDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { articles, claims, historyEntries, users, workspaces } from '../db/schema';
import { seedDemo } from '../db/seed/demo';
import * as articleQueries from '../db/queries/articles';
import { createArticle, updateArticleText } from '../db/queries/articles';
import { describe } from '../lib/anchoring';
import { parseArticleDocInput } from '../lib/editor/article-schema';
import { plainTextToDocJson } from '../lib/editor/doc-text';
import { generateBigArticle } from './app/big-article';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
/** Where the one-word edit goes: `top` (every claim moves) or `bottom` (none does). */
const at = process.argv.includes('--bottom') ? 'bottom' : 'top';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'text-save-bench-'));
  const db: Db = openDb({ dialect: 'sqlite', file: path.join(dir, 'bench.db') }, { durable: false });
  try {
    await migrateDb(db);
    await seedDemo(db);
    const [tom] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'tom@claimdesk.demo')).limit(1);
    const [desk] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1);
    const { text, ranges } = generateBigArticle();
    const article = await createArticle(db, { workspaceId: desk!.id, title: 'Big article', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: tom!.id });
    await transaction(db, async (tx) => {
      const rows = ranges.map((range, i) => {
        const [quote, position] = describe(article.plainText, range.start, range.end);
        return { workspaceId: desk!.id, articleId: article.id, number: i + 1, quoteExact: quote.exact, quotePrefix: quote.prefix ?? '', quoteSuffix: quote.suffix ?? '', positionStart: position.start, positionEnd: position.end, anchoredRevision: 1, originalQuote: quote.exact, claimText: quote.exact, authorId: tom!.id };
      });
      for (let i = 0; i < rows.length; i += 200) await tx.insert(claims).values(rows.slice(i, i + 200));
    });
    await transaction(db, async (tx) => {
      await tx.update(articles).set({ claimCounter: ranges.length }).where(eq(articles.id, article.id));
    });

    const baseDoc = plainTextToDocJson(text);
    const firstWord = text.slice(0, text.indexOf(' '));
    const samples = { checkCpu: [] as number[], parse: [] as number[], save: [] as number[], saveCpu: [] as number[], answer: [] as number[], total: [] as number[] };
    let answerBytes = 0;
    let eventBytes = 0;
    let historyBytes = 0;
    let rewritten: number | undefined;
    let revision = 1;
    for (let run = 0; run < runs; run += 1) {
      // A one-word edit at the very top (every claim below it moves), alternating two words.
      const word = run % 2 === 0 ? 'Minister' : firstWord;
      const doc = JSON.parse(JSON.stringify(baseDoc)) as typeof baseDoc;
      const block = at === 'top' ? doc.content![0]! : doc.content!.at(-1)!;
      const first = block.content![0]!;
      first.text = at === 'top' ? `${word}${first.text!.slice(first.text!.indexOf(' '))}` : `${first.text!.slice(0, first.text!.lastIndexOf(' ') + 1)}${word}`;
      const body = JSON.parse(JSON.stringify({ revision, doc })) as { revision: number; doc: unknown };
      const t0 = performance.now();
      const checkCpu = process.cpuUsage();
      // As the route does: check only what differs from the stored document (older trees: all of it).
      const getStoredDoc = (articleQueries as Record<string, unknown>).getStoredDoc as ((db: Db, id: string, revision: number) => Promise<unknown>) | undefined;
      const stored = getStoredDoc ? await getStoredDoc(db, article.id, body.revision) : undefined;
      const checked = (parseArticleDocInput as (doc: unknown, stored?: unknown) => ReturnType<typeof parseArticleDocInput>)(body.doc, stored);
      const checkUsed = process.cpuUsage(checkCpu);
      samples.checkCpu.push((checkUsed.user + checkUsed.system) / 1000);
      const t1 = performance.now();
      const cpu = process.cpuUsage();
      const result = (await (updateArticleText as (...args: unknown[]) => Promise<unknown>)(db, article.id, checked.doc, body.revision, tom!.id, checked.text)) as unknown as Record<string, unknown> & { article: { revision: number; docJson?: unknown; plainText?: string } };
      const t2 = performance.now();
      const used = process.cpuUsage(cpu);
      samples.saveCpu.push((used.user + used.system) / 1000);
      // The answer as the route builds it now (a delta), or as it was (article + every claim).
      let answer: string;
      if ('textChanges' in result) {
        answer = JSON.stringify({ article: { revision: result.article.revision }, anchored: result.anchored, orphaned: result.orphaned, textChanges: result.textChanges, exceptions: result.exceptions });
        eventBytes = Buffer.byteLength(JSON.stringify({ baseRevision: revision, revision: result.article.revision, docChanges: result.docChanges, textChanges: result.textChanges, exceptions: result.exceptions }));
        rewritten = result.rewritten as number;
      } else {
        const all = await db.select().from(claims).where(eq(claims.articleId, article.id));
        answer = JSON.stringify({ article: { doc: result.article.docJson, plainText: result.article.plainText }, claims: all });
      }
      const t3 = performance.now();
      answerBytes = Buffer.byteLength(answer);
      revision = result.article.revision;
      samples.parse.push(t1 - t0);
      samples.save.push(t2 - t1);
      samples.answer.push(t3 - t2);
      samples.total.push(t3 - t0);
    }
    const history = await db.select({ before: historyEntries.before, after: historyEntries.after }).from(historyEntries).where(and(eq(historyEntries.articleId, article.id), eq(historyEntries.entityType, 'article'), eq(historyEntries.action, 'update')));
    historyBytes = Math.max(...history.map((h) => Buffer.byteLength(JSON.stringify(h))));

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`one-word save at the ${at}, ${ranges.length} claims, ${text.length.toLocaleString('en')} chars, median of ${runs}`);
    console.log(`  check document (parseArticleDocInput)  ${ms(median(samples.parse))} wall, ${ms(median(samples.checkCpu))} CPU`);
    console.log(`  updateArticleText (transaction)        ${ms(median(samples.save))} wall, ${ms(median(samples.saveCpu))} CPU (min ${ms(Math.min(...samples.save))} wall)`);
    console.log(`  build the answer                       ${ms(median(samples.answer))}`);
    console.log(`  total                                  ${ms(median(samples.total))} wall, ${ms(median(samples.checkCpu.map((c, i) => c + samples.saveCpu[i]!)))} CPU (check + save)`);
    console.log(`  slowest save (wall)                    ${ms(Math.max(...samples.save))}`);
    console.log(`  answer ${(answerBytes / 1024).toFixed(1)} KB, live-event delta ${eventBytes ? `${(eventBytes / 1024).toFixed(1)} KB` : 'none (viewers refetch)'}, history row ${(historyBytes / 1024).toFixed(1)} KB${rewritten === undefined ? '' : `, claims rewritten ${rewritten}`}`);
  } finally {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
