/**
 * The text-save path with the search index (issue 14): a one-paragraph edit of a 100,000-word
 * article through updateArticleText, on a temporary SQLite database, and how many `block` rows of
 * search_docs the save inserted or deleted (a one-paragraph edit should re-index one block).
 * Self-contained (createArticle, updateArticleText, the schema), so it also runs in an older tree
 * (an exported commit with node_modules linked) for the "before" number:
 *
 *   npx tsx --tsconfig tsconfig.node.json bench/search-text-save.ts [--words 100000] [--runs 7]
 *
 * Nothing asserted; numbers printed. bench/search.ts measures the same inside the 5,000-article desk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { closeDb, migrateDb, openDb, queryRows } from '../db/client';
import { transaction } from '../db/transaction';
import { users, workspaces } from '../db/schema';
import { createArticle, updateArticleText } from '../db/queries/articles';
import { plainTextToDocJson } from '../lib/editor/doc-text';
import { makeBigText, rng } from './search-data';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const WORDS = Number(flag('words') ?? 100_000);
const RUNS = Number(flag('runs') ?? 7);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-text-save-'));
  const db = openDb({ dialect: 'sqlite', file: path.join(dir, 'bench.db') }, { durable: false });
  try {
    await migrateDb(db);
    const { userId, workspaceId } = await transaction(db, async (tx) => {
      const [user] = await tx.insert(users).values({ email: 'editor@bench.example', name: 'Editor', passwordHash: 'x' }).returning({ id: users.id });
      const [ws] = await tx.insert(workspaces).values({ slug: 'bench', name: 'Bench', organizationName: 'Bench' }).returning({ id: workspaces.id });
      return { userId: user!.id, workspaceId: ws!.id };
    });
    const text = makeBigText(rng(5), WORDS);
    const t0 = performance.now();
    const article = await createArticle(db, { workspaceId, title: 'The big report', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: userId });
    const createMs = performance.now() - t0;
    const blockRows = async () => queryRows<{ id: number; body: string }>(db, sql`SELECT id, body FROM search_docs WHERE kind = 'block' AND article_id = ${article.id}`);
    const initial = (await blockRows()).length;
    let current = plainTextToDocJson(text);
    const paragraphs = current.content!.length;
    let revision = article.revision;
    const samples: number[] = [];
    const changed: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const before = new Map((await blockRows()).map((b) => [b.id, b.body]));
      const doc = JSON.parse(JSON.stringify(current)) as typeof current;
      current = doc;
      doc.content![Math.floor(paragraphs / 2) + run]!.content = [{ type: 'text', text: `Corrected paragraph ${run}: the ministry revised its inflation figures for ${2020 + run}.` }];
      const t = performance.now();
      const result = await updateArticleText(db, article.id, doc, revision, userId);
      samples.push(performance.now() - t);
      revision = result.article.revision;
      const after = await blockRows();
      const ids = new Set(after.map((b) => b.id));
      changed.push(after.filter((b) => before.get(b.id) !== b.body).length + [...before.keys()].filter((id) => !ids.has(id)).length);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`${WORDS.toLocaleString('en')}-word article, ${paragraphs.toLocaleString('en')} paragraphs, ${RUNS} one-paragraph edits`);
    console.log(`  createArticle                         ${ms(createMs)} (${initial.toLocaleString('en')} block rows indexed)`);
    console.log(`  updateArticleText median / min / max  ${ms(sorted[Math.floor(sorted.length / 2)]!)} / ${ms(sorted[0]!)} / ${ms(sorted.at(-1)!)}`);
    console.log(`  block rows inserted + deleted a save  ${initial === 0 ? 'none (article text not indexed in this tree)' : changed.join(', ')}`);
  } finally {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
