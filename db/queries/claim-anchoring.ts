import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { claims } from '../schema';
import type { Tx } from '../transaction';
import { reanchorAll } from '@/lib/anchoring';
import type { Selector } from '@/lib/anchoring/types';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import type { TextChange } from '@/lib/text/diff';
import { mapClaimRange, nextAnchor, type ClaimException } from '@/lib/editor/text-delta';

/** Claims per multi-row UPDATE: 7 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535. */
export const REANCHOR_UPDATE_CHUNK = 500;

export interface ReanchorResult {
  anchored: number;
  orphaned: number;
  /** Claims whose new place is not their old range mapped through the changes (see lib/editor/text-delta). */
  exceptions: ClaimException[];
  /** Claims rewritten (selectors or state changed); the others were left alone. */
  rewritten: number;
}

interface Rewrite {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  state: 'anchored' | 'orphaned';
}

/**
 * Re-resolves every claim of an article against its new text, inside the caller's transaction,
 * with one reanchorAll call (lib/anchoring). A claim found again gets fresh selectors; one whose
 * words are gone is marked orphaned and keeps its old selectors and original quote, so it is never
 * moved onto other words. Only claims whose selectors or state changed are written, in a few
 * multi-row UPDATEs; `anchoredRevision` is the revision their selectors were last changed at
 * (they hold for every later revision until rewritten, since every save re-anchors all claims).
 */
export async function reanchorArticleClaims(
  tx: Tx,
  articleId: string,
  oldText: string,
  newText: string,
  changes: readonly TextChange[],
  newRevision: number,
  indexes: { old?: CodePointIndex; new?: CodePointIndex } = {},
): Promise<ReanchorResult> {
  const rows = await tx
    .select({
      id: claims.id,
      quoteExact: claims.quoteExact,
      quotePrefix: claims.quotePrefix,
      quoteSuffix: claims.quoteSuffix,
      positionStart: claims.positionStart,
      positionEnd: claims.positionEnd,
      anchorState: claims.anchorState,
    })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  if (rows.length === 0) return { anchored: 0, orphaned: 0, exceptions: [], rewritten: 0 };

  const selectors: Selector[][] = rows.map((row) => [
    { type: 'TextQuoteSelector', exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
    { type: 'TextPositionSelector', start: row.positionStart, end: row.positionEnd },
  ]);
  // SQLite runs every query synchronously: give other requests a turn between the long steps
  // (reads go on through the read-only connection; writers wait for this transaction anyway).
  await yieldToEventLoop();
  // The caller's diff and indexes, so reanchorAll does not work them out again.
  const oldIndex = indexes.old ?? new CodePointIndex(oldText);
  const newIndex = indexes.new ?? new CodePointIndex(newText);
  const found = reanchorAll(oldText, newText, selectors, { changes, oldIndex, newIndex });
  await yieldToEventLoop();

  let anchored = 0;
  let orphaned = 0;
  const exceptions: ClaimException[] = [];
  const rewrites: Rewrite[] = [];
  rows.forEach((row, i) => {
    const range = found[i] ?? null;
    const claim = {
      quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
      position: { start: row.positionStart, end: row.positionEnd },
      anchorState: row.anchorState,
    };
    if (range) anchored += 1;
    else orphaned += 1;
    // What a client derives without being told (lib/editor/text-delta remapClaims): an anchored
    // claim moves to its old range mapped through the changes; an orphan stays orphaned.
    const expected = row.anchorState === 'anchored' ? mappedRange(oldText, oldIndex, changes, row.positionStart, row.positionEnd) : null;
    if (range) {
      if (!expected || expected.start !== range.start || expected.end !== range.end) exceptions.push({ id: row.id, start: range.start, end: range.end });
    } else if (row.anchorState === 'anchored') {
      exceptions.push({ id: row.id, orphaned: true });
    }
    const next = nextAnchor(claim, range, newText, newIndex);
    if (next.changed) {
      rewrites.push({ id: row.id, exact: next.quote.exact, prefix: next.quote.prefix, suffix: next.quote.suffix, start: next.position.start, end: next.position.end, state: next.anchorState });
    }
  });

  for (let i = 0; i < rewrites.length; i += REANCHOR_UPDATE_CHUNK) {
    if (i > 0) await yieldToEventLoop();
    await writeChunk(tx, articleId, rewrites.slice(i, i + REANCHOR_UPDATE_CHUNK), newRevision);
  }
  return { anchored, orphaned, exceptions, rewritten: rewrites.length };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function mappedRange(oldText: string, oldIndex: CodePointIndex, changes: readonly TextChange[], startCp: number, endCp: number): { start: number; end: number } | null {
  const start = oldIndex.toUtf16(startCp);
  const end = oldIndex.toUtf16(endCp);
  if (start === null || end === null || end > oldText.length) return null;
  return mapClaimRange(changes, start, end);
}

/**
 * One UPDATE … FROM (VALUES …) for a chunk of claims: portable to SQLite ≥ 3.33 and PostgreSQL
 * (both name a VALUES list's columns column1, column2, …; the casts give PostgreSQL the integer
 * type its untyped parameters lack).
 */
async function writeChunk(tx: Tx, articleId: string, chunk: readonly Rewrite[], newRevision: number): Promise<void> {
  if (chunk.length === 0) return;
  const values: SQL[] = chunk.map((r) => sql`(${r.id}, ${r.exact}, ${r.prefix}, ${r.suffix}, ${r.start}, ${r.end}, ${r.state})`);
  await tx
    .update(claims)
    .set({
      quoteExact: sql`v.column2`,
      quotePrefix: sql`v.column3`,
      quoteSuffix: sql`v.column4`,
      positionStart: sql`CAST(v.column5 AS integer)`,
      positionEnd: sql`CAST(v.column6 AS integer)`,
      anchorState: sql`v.column7`,
      anchoredRevision: newRevision,
    })
    .from(sql`(VALUES ${sql.join(values, sql`, `)}) AS v`)
    .where(and(sql`${claims.id} = v.column1`, eq(claims.articleId, articleId)));
}
