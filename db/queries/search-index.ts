import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Db } from '../client';
import { activeDialect } from '../dialect';
import { articles, searchDocs } from '../schema';
import { transaction, type Tx } from '../transaction';
import { docBlocks } from '@/lib/editor/doc-blocks';
import { jsonDocToText } from '@/lib/editor/doc-text';

/**
 * Article text in the search index: one `search_docs` row (kind `block`) per non-empty textblock,
 * with the block's index and where it starts in the article's plain text (UTF-16), so a hit can
 * open the article there. Every other kind is kept by database triggers (migration 0006); blocks
 * are written here, in the same transaction as the text.
 *
 * A save re-indexes only what changed: blocks are matched to the existing rows by their text, so an
 * unchanged paragraph keeps its row (and its full-text entries: the FTS triggers fire only when
 * `body` changes) and at most has its position updated; new or edited paragraphs are inserted and
 * paragraphs that are gone are deleted. A one-paragraph edit of a 100,000-word article touches one
 * or two full-text rows.
 */

/** Rows per INSERT / UPDATE / DELETE statement (well under both engines' parameter limits). */
const CHUNK = 400;

export interface BlockIndexChange {
  inserted: number;
  deleted: number;
  /** Unchanged blocks whose position in the text moved (their text was not re-indexed). */
  moved: number;
}

interface IndexedBlock {
  index: number;
  start: number;
  body: string;
}

/** The article's non-empty blocks with their index and start in the plain text. */
export function indexedBlocksOf(doc: unknown, plainText?: string): IndexedBlock[] {
  const blocks = docBlocks(doc);
  if (blocks.length === 0) return [];
  const text = plainText ?? jsonDocToText(doc as Parameters<typeof jsonDocToText>[0]);
  const out: IndexedBlock[] = [];
  blocks.forEach((block, index) => {
    for (const piece of piecesOf(text.slice(block.start, block.end))) {
      if (piece.body.trim() !== '') out.push({ index, start: block.start + piece.offset, body: piece.body });
    }
  });
  return out;
}

/**
 * Longest text one index row holds. A paragraph longer than this (a pasted data table) is indexed as
 * several rows: PostgreSQL refuses a tsvector over 1 MB, and a hit should open near its words.
 */
export const MAX_INDEXED_BLOCK_CHARS = 20_000;

/** The block's text in pieces of at most MAX_INDEXED_BLOCK_CHARS, cut after a space where there is one. */
function piecesOf(body: string): { offset: number; body: string }[] {
  const pieces: { offset: number; body: string }[] = [];
  let offset = 0;
  while (body.length - offset > MAX_INDEXED_BLOCK_CHARS) {
    let end = offset + MAX_INDEXED_BLOCK_CHARS;
    const space = body.lastIndexOf(' ', end);
    if (space > offset + MAX_INDEXED_BLOCK_CHARS / 2) end = space + 1;
    // Never split a surrogate pair.
    else if (/[\uD800-\uDBFF]/.test(body[end - 1] ?? '')) end -= 1;
    pieces.push({ offset, body: body.slice(offset, end) });
    offset = end;
  }
  pieces.push({ offset, body: body.slice(offset) });
  return pieces;
}

/**
 * Brings the article's block rows in line with `doc` (its stored document). Call it inside the
 * transaction that writes the text. `plainText` is jsonDocToText(doc) when the caller has it.
 */
export async function indexArticleBlocks(tx: Tx, articleId: string, workspaceId: string, doc: unknown, plainText?: string): Promise<BlockIndexChange> {
  const blocks = indexedBlocksOf(doc, plainText);
  const existing = await tx
    .select({ id: searchDocs.id, blockIndex: searchDocs.blockIndex, blockStart: searchDocs.blockStart, body: searchDocs.body })
    .from(searchDocs)
    .where(and(eq(searchDocs.articleId, articleId), eq(searchDocs.kind, 'block')));

  // Existing rows by text; a text that occurs several times (a repeated refrain) keeps as many rows.
  const byBody = new Map<string, (typeof existing)[number][]>();
  for (const row of existing) {
    const list = byBody.get(row.body);
    if (list) list.push(row);
    else byBody.set(row.body, [row]);
  }
  const toInsert: IndexedBlock[] = [];
  const toMove: { id: number; index: number; start: number }[] = [];
  for (const block of blocks) {
    const candidates = byBody.get(block.body);
    if (!candidates || candidates.length === 0) {
      toInsert.push(block);
      continue;
    }
    // Prefer the row that was at this very index (nothing to update), else the first in order.
    const at = candidates.findIndex((row) => row.blockIndex === block.index);
    const [row] = candidates.splice(at === -1 ? 0 : at, 1);
    if (row!.blockIndex !== block.index || row!.blockStart !== block.start) toMove.push({ id: row!.id, index: block.index, start: block.start });
  }
  const toDelete = [...byBody.values()].flat().map((row) => row.id);

  for (let i = 0; i < toDelete.length; i += CHUNK) await tx.delete(searchDocs).where(inArray(searchDocs.id, toDelete.slice(i, i + CHUNK)));
  for (let i = 0; i < toMove.length; i += CHUNK) await moveRows(tx, toMove.slice(i, i + CHUNK));
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    await tx.insert(searchDocs).values(
      toInsert.slice(i, i + CHUNK).map((block) => ({ workspaceId, articleId, kind: 'block' as const, refId: articleId, blockIndex: block.index, blockStart: block.start, body: block.body })),
    );
  }
  return { inserted: toInsert.length, deleted: toDelete.length, moved: toMove.length };
}

/** One UPDATE for a batch of moved blocks (position only: `body` is untouched, so no FTS work). */
async function moveRows(tx: Tx, rows: { id: number; index: number; start: number }[]): Promise<void> {
  if (rows.length === 1) {
    const [row] = rows;
    await tx.update(searchDocs).set({ blockIndex: row!.index, blockStart: row!.start }).where(eq(searchDocs.id, row!.id));
    return;
  }
  if (activeDialect() === 'postgres') {
    const values = sql.join(
      rows.map((r) => sql`(${r.id}::integer, ${r.index}::integer, ${r.start}::integer)`),
      sql`, `,
    );
    await execute(tx, sql`UPDATE search_docs SET block_index = v.bi, block_start = v.bs FROM (VALUES ${values}) AS v(id, bi, bs) WHERE search_docs.id = v.id`);
    return;
  }
  const values = sql.join(
    rows.map((r) => sql`(${r.id}, ${r.index}, ${r.start})`),
    sql`, `,
  );
  await execute(
    tx,
    // UPDATE … FROM (SQLite ≥ 3.33): one join, where correlated subqueries cost O(rows²).
    sql`WITH v(id, bi, bs) AS (VALUES ${values}) UPDATE search_docs SET block_index = v.bi, block_start = v.bs FROM v WHERE search_docs.id = v.id`,
  );
}

async function execute(tx: Tx | Db, query: SQL): Promise<void> {
  if (activeDialect() === 'postgres') await (tx as unknown as NodePgDatabase).execute(query);
  else await (tx as unknown as { run: (q: SQL) => Promise<unknown> }).run(query);
}

/** Articles per backfill transaction (each reads one document). */
const BACKFILL_BATCH = 20;

/**
 * Indexes the text of articles that have text but no block rows: those written before the index
 * existed (migration 0006 indexes everything but article text) or by a tool that bypassed the
 * query layer. Run at start-up; idempotent, and one indexed query when there is nothing to do.
 * Trashed articles are indexed too (search hides them; restoring one must not need a re-index).
 * Returns how many articles were indexed.
 */
export async function indexMissingArticleBlocks(db: Db): Promise<number> {
  let done = 0;
  const skipped = new Set<string>();
  for (;;) {
    const missing = await db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          sql`${articles.plainText} <> ''`,
          sql`NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.article_id = ${articles.id} AND d.kind = 'block')`,
          skipped.size > 0 ? sql`${articles.id} NOT IN (${sql.join([...skipped].map((id) => sql`${id}`), sql`, `)})` : undefined,
        ),
      )
      .limit(BACKFILL_BATCH);
    if (missing.length === 0) return done;
    for (const { id } of missing) {
      const indexed = await transaction(db, async (tx) => {
        // Two instances starting together (PostgreSQL): the second waits here, then finds the rows.
        if (activeDialect() === 'postgres') await execute(tx, sql`SELECT 1 FROM articles WHERE id = ${id} FOR UPDATE`);
        const [done] = await tx.select({ id: searchDocs.id }).from(searchDocs).where(and(eq(searchDocs.articleId, id), eq(searchDocs.kind, 'block'))).limit(1);
        if (done) return 1;
        const [row] = await tx.select({ workspaceId: articles.workspaceId, doc: articles.docJson, text: articles.plainText }).from(articles).where(eq(articles.id, id)).limit(1);
        if (!row) return 0;
        const doc = typeof row.doc === 'string' ? (JSON.parse(row.doc) as unknown) : row.doc;
        const change = await indexArticleBlocks(tx, id, row.workspaceId, doc, row.text);
        return change.inserted;
      });
      // Text of only blank blocks gives no rows: remember it, so the loop ends.
      if (indexed === 0) skipped.add(id);
      else done += 1;
    }
  }
}
