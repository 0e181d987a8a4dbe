import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { searchDocs } from '../schema';
import { transaction } from '../transaction';
import { activeDialect } from '../dialect';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import { createArticle, updateArticleText } from './articles';
import { indexArticleBlocks, indexedBlocksOf, indexMissingArticleBlocks, MAX_INDEXED_BLOCK_CHARS } from './search-index';
import { searchWorkspaces } from './search';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the report on the quintessential budget${i}.`);

async function newArticle(text: string) {
  return createArticle(f.db, { workspaceId: f.workspaceId, title: 'Index test', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: f.u.tom });
}

const blockRows = (articleId: string) =>
  f.db
    .select({ id: searchDocs.id, blockIndex: searchDocs.blockIndex, blockStart: searchDocs.blockStart, body: searchDocs.body })
    .from(searchDocs)
    .where(and(eq(searchDocs.articleId, articleId), eq(searchDocs.kind, 'block')))
    .orderBy(asc(searchDocs.blockIndex));

async function integrityCheck() {
  if (activeDialect() !== 'sqlite') return;
  await transaction(f.db, async (tx) => {
    await tx.run(sql`INSERT INTO search_fts(search_fts) VALUES('integrity-check')`);
    await tx.run(sql`INSERT INTO search_trigram(search_trigram) VALUES('integrity-check')`);
  });
}

describe('indexedBlocksOf', () => {
  it('gives the non-empty blocks with their offsets in the plain text; tolerates junk', () => {
    const doc = plainTextToDocJson('One.\n\n\n\nTwo words.');
    const text = jsonDocToText(doc);
    for (const block of indexedBlocksOf(doc)) expect(text.slice(block.start, block.start + block.body.length)).toBe(block.body);
    expect(indexedBlocksOf(doc).map((b) => b.body)).toEqual(['One.', 'Two words.']);
    expect(indexedBlocksOf(null)).toEqual([]);
    expect(indexedBlocksOf({ type: 'doc', content: 'nope' })).toEqual([]);
  });
});

describe('long paragraphs', () => {
  it('indexes a paragraph longer than one row holds as several rows, each at its place in the text', async () => {
    const huge = Array.from({ length: 9_000 }, (_, i) => `cell${i}`).join(' ') + ' zanzibarite';
    const doc = plainTextToDocJson(`Intro.\n\n${huge}`);
    const text = jsonDocToText(doc);
    const blocks = indexedBlocksOf(doc);
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) {
      expect(block.body.length).toBeLessThanOrEqual(MAX_INDEXED_BLOCK_CHARS);
      expect(text.slice(block.start, block.start + block.body.length)).toBe(block.body);
    }
    expect(blocks.slice(1).map((b) => b.body).join('')).toBe(huge);
    // Stored and found on both dialects (PostgreSQL refuses one tsvector over 1 MB).
    const row = await newArticle(`Intro.\n\n${huge}`);
    const hit = (await searchWorkspaces(f.db, { userId: f.u.tom }, { q: 'zanzibarite' })).groups[0]?.hits.find((h) => h.kind === 'block');
    expect(hit?.href).toBe(`/articles/${row.id}?at=${blocks.at(-1)!.start}`);
  });
});

describe('article text in the index', () => {
  it('indexes every block on create, then re-indexes only what a save changed', async () => {
    const article = await newArticle(paragraphs.join('\n\n'));
    const before = await blockRows(article.id);
    expect(before.map((r) => r.body)).toEqual(paragraphs);
    const text = article.plainText;
    for (const row of before) expect(text.slice(row.blockStart!, row.blockStart! + row.body.length)).toBe(row.body);

    // One paragraph edited: one row replaced, the others untouched.
    const edited = [...paragraphs];
    edited[3] = 'Paragraph 3 now mentions a marmalade tax.';
    await updateArticleText(f.db, article.id, plainTextToDocJson(edited.join('\n\n')), article.revision, f.u.tom);
    const after = await blockRows(article.id);
    expect(after.map((r) => r.body)).toEqual(edited);
    const kept = after.filter((r) => before.some((b) => b.id === r.id));
    expect(kept).toHaveLength(5);
    expect(after[3]!.id).not.toBe(before[3]!.id);
    const hit = (await searchWorkspaces(f.db, { userId: f.u.ana }, { q: 'marmalade' })).groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'block', blockStart: after[3]!.blockStart, href: `/articles/${article.id}?at=${after[3]!.blockStart}` });
    expect((await searchWorkspaces(f.db, { userId: f.u.ana }, { q: 'budget3' })).groups).toEqual([]);

    // A paragraph inserted at the top: every other block keeps its row and moves.
    const moved = ['A new lead paragraph.', ...edited];
    const direct = await transaction(f.db, (tx) => indexArticleBlocks(tx, article.id, article.workspaceId, plainTextToDocJson(moved.join('\n\n'))));
    expect(direct).toEqual({ inserted: 1, deleted: 0, moved: 6 });
    const afterMove = await blockRows(article.id);
    expect(afterMove.slice(1).map((r) => r.id)).toEqual(after.map((r) => r.id));
    const movedText = moved.join('\n\n');
    for (const row of afterMove) expect(movedText.slice(row.blockStart!, row.blockStart! + row.body.length)).toBe(row.body);

    // Same document again: nothing to do. A repeated paragraph keeps as many rows as it occurs.
    expect(await transaction(f.db, (tx) => indexArticleBlocks(tx, article.id, article.workspaceId, plainTextToDocJson(movedText)))).toEqual({ inserted: 0, deleted: 0, moved: 0 });
    const repeated = [...moved, moved[1]!];
    expect(await transaction(f.db, (tx) => indexArticleBlocks(tx, article.id, article.workspaceId, plainTextToDocJson(repeated.join('\n\n'))))).toEqual({ inserted: 1, deleted: 0, moved: 0 });
    expect(await transaction(f.db, (tx) => indexArticleBlocks(tx, article.id, article.workspaceId, plainTextToDocJson('Only this.')))).toMatchObject({ inserted: 1, deleted: 8 });
    await integrityCheck();
  });

  it('backfills articles without block rows at start-up, idempotently', async () => {
    const article = await newArticle(paragraphs.join('\n\n'));
    await transaction(f.db, (tx) => tx.delete(searchDocs).where(eq(searchDocs.kind, 'block')));
    const indexed = await indexMissingArticleBlocks(f.db);
    expect(indexed).toBeGreaterThanOrEqual(1);
    expect((await blockRows(article.id)).map((r) => r.body)).toEqual(paragraphs);
    expect(await indexMissingArticleBlocks(f.db)).toBe(0);
    await integrityCheck();
  });

  it('leaves the seeded demo articles indexed', async () => {
    expect(await indexMissingArticleBlocks(f.db)).toBe(0);
    expect((await blockRows(f.article.id)).length).toBeGreaterThan(0);
  });
});
