import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { claims } from '../schema';
import type { Tx } from '../transaction';
import { reanchorAll } from '@/lib/anchoring';
import { withoutSharedWords } from '@/lib/anchoring/update-impact';
import type { Selector } from '@/lib/anchoring/types';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import type { TextChange } from '@/lib/text/diff';
import { mapClaimRange, movedParts, nextAnchor, type ClaimException } from '@/lib/editor/text-delta';
import { partsColumns, readClaimPartsOrColumns, type ClaimPartsRow } from '@/lib/claims/parts';
import type { ClaimPart } from '@/lib/domain/claims';
import type { AnchorState } from '@/lib/domain/statuses';

/** Claims per multi-row UPDATE: 8 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535. */
export const REANCHOR_UPDATE_CHUNK = 500;

export interface ReanchorResult {
  /** Claims with every part found. */
  anchored: number;
  /** Claims with no part found. */
  orphaned: number;
  /** Multi-part claims with some parts found, some not. */
  partial: number;
  /**
   * Claims with fewer parts found than before this save (anchored → partial or orphaned, partial →
   * orphaned, or a partial claim losing another part): what the saver is told.
   */
  newlyOrphaned: number;
  /**
   * Claims whose new place is not their old range mapped through the changes (see
   * lib/editor/text-delta); a multi-part claim whose parts did not all follow is `{ id, refetch }`.
   */
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
  state: AnchorState;
  /** partsColumns' parts_json: null for a single-part claim. */
  partsJson: string | null;
}

/**
 * The columns a claim's parts are read from (readClaimPartsOrColumns in lib/claims/parts): what a
 * re-anchoring, or a dry run of one, selects. Built on call: `claims` is the active dialect's table.
 */
export function claimAnchorColumns() {
  return {
    quoteExact: claims.quoteExact,
    quotePrefix: claims.quotePrefix,
    quoteSuffix: claims.quoteSuffix,
    positionStart: claims.positionStart,
    positionEnd: claims.positionEnd,
    anchorState: claims.anchorState,
    partsJson: claims.partsJson,
  };
}

/**
 * Re-resolves every claim of an article against its new text, inside the caller's transaction,
 * with one reanchorAll call (lib/anchoring) over every part of every claim (a multi-part claim's
 * parts are flattened into the selector sets and regrouped after). A part found again gets fresh
 * selectors; one whose words are gone is marked orphaned and keeps its old selectors, so it is
 * never moved onto other words; the claim is anchored, partial or orphaned as its parts are, and
 * keeps its original quote. Only claims whose selectors or state changed are written, in a few
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
    .select({ id: claims.id, ...claimAnchorColumns() })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  if (rows.length === 0) return { anchored: 0, orphaned: 0, partial: 0, newlyOrphaned: 0, exceptions: [], rewritten: 0 };

  // Every claim's parts, flattened: claim i's parts are selector sets first[i] … first[i] + count - 1.
  const claimParts = rows.map(partsOf);
  const selectors: Selector[][] = [];
  const first: number[] = [];
  for (const parts of claimParts) {
    first.push(selectors.length);
    for (const part of parts) {
      selectors.push([
        { type: 'TextQuoteSelector', exact: part.quote.exact, prefix: part.quote.prefix, suffix: part.quote.suffix },
        { type: 'TextPositionSelector', start: part.position.start, end: part.position.end },
      ]);
    }
  }
  // SQLite runs every query synchronously: give other requests a turn between the long steps
  // (reads go on through the read-only connection; writers wait for this transaction anyway).
  await yieldToEventLoop();
  // The caller's diff and indexes, so reanchorAll does not work them out again.
  const oldIndex = indexes.old ?? new CodePointIndex(oldText);
  const newIndex = indexes.new ?? new CodePointIndex(newText);
  const found = reanchorAll(oldText, newText, selectors, { changes, oldIndex, newIndex });
  await yieldToEventLoop();

  const edit: TextEdit = { oldText, oldIndex, newText, newIndex, changes };
  const counts = { anchored: 0, orphaned: 0, partial: 0, newlyOrphaned: 0 };
  const exceptions: ClaimException[] = [];
  const rewrites: Rewrite[] = [];
  rows.forEach((row, i) => {
    const parts = claimParts[i]!;
    const ranges = parts.map((_, p) => found[first[i]! + p] ?? null);
    const next = parts.length === 1 ? singlePart(row, parts[0]!, ranges[0] ?? null, edit, exceptions) : multiPart(row.id, parts, ranges, edit, exceptions);
    counts[next.state] += 1;
    if (next.found < foundParts(parts)) counts.newlyOrphaned += 1;
    if (next.rewrite) rewrites.push(next.rewrite);
  });

  for (let i = 0; i < rewrites.length; i += REANCHOR_UPDATE_CHUNK) {
    if (i > 0) await yieldToEventLoop();
    await writeChunk(tx, articleId, rewrites.slice(i, i + REANCHOR_UPDATE_CHUNK), newRevision);
  }
  return { ...counts, exceptions, rewritten: rewrites.length };
}

type ClaimAnchorRow = ClaimPartsRow & { id: string };

/** The text save every claim is moved through: both texts, their code-point indexes and the changes. */
interface TextEdit {
  oldText: string;
  oldIndex: CodePointIndex;
  newText: string;
  newIndex: CodePointIndex;
  changes: readonly TextChange[];
}

type Range = { start: number; end: number };
const sameRange = (a: Range | null, b: Range | null): boolean => a !== null && b !== null && a.start === b.start && a.end === b.end;

const foundParts = (parts: readonly { anchorState: string }[]): number => parts.filter((p) => p.anchorState === 'anchored').length;

/** A claim's parts; a malformed parts_json (never written by this code) is logged and the claim re-anchored as the single part its columns hold, so one bad row cannot block every text save. */
const partsOf = (row: ClaimAnchorRow): ClaimPart[] => readClaimPartsOrColumns(row);

/** A single-part claim: as before multi-part claims, one range or orphaned (the client derives the same, see remapClaims). */
function singlePart(
  row: ClaimAnchorRow,
  part: ClaimPart,
  range: Range | null,
  edit: TextEdit,
  exceptions: ClaimException[],
): { state: AnchorState; found: number; rewrite: Rewrite | null } {
  const wasAnchored = part.anchorState === 'anchored';
  // What a client derives without being told (lib/editor/text-delta remapClaims): an anchored
  // claim moves to its old range mapped through the changes; an orphan stays orphaned.
  const expected = wasAnchored ? mappedRange(edit, part.position) : null;
  if (range) {
    if (!sameRange(expected, range)) exceptions.push({ id: row.id, start: range.start, end: range.end });
  } else if (wasAnchored) {
    exceptions.push({ id: row.id, orphaned: true });
  }
  const next = nextAnchor(part, range, edit.newText, edit.newIndex);
  // A malformed parts_json read as one part is rewritten as one part (parts_json cleared).
  const changed = next.changed || row.partsJson !== null || (row.anchorState !== next.anchorState);
  const rewrite = changed ? { id: row.id, exact: next.quote.exact, prefix: next.quote.prefix, suffix: next.quote.suffix, start: next.position.start, end: next.position.end, state: next.anchorState, partsJson: null } : null;
  return { state: next.anchorState, found: next.anchorState === 'anchored' ? 1 : 0, rewrite };
}

/**
 * A multi-part claim: every part moved (movedParts, shared with the client). A part found on words
 * overlapping an earlier part of the same claim (two parts quoting the same words, one of them
 * deleted: the search finds the other's) is orphaned instead, so no two parts share words. When a
 * part did not land on its mapped old range (or an anchored part was lost, or an orphaned one found
 * again), the client cannot derive the claim from the text changes: `{ id, refetch }`, and it
 * fetches the claims.
 */
function multiPart(
  id: string,
  parts: ClaimPart[],
  found: Array<Range | null>,
  edit: TextEdit,
  exceptions: ClaimException[],
): { state: AnchorState; found: number; rewrite: Rewrite | null } {
  const ranges = withoutSharedWords(found);
  const followed = parts.every((part, p) => {
    const range = ranges[p] ?? null;
    if (part.anchorState !== 'anchored') return range === null;
    return sameRange(mappedRange(edit, part.position), range);
  });
  if (!followed) exceptions.push({ id, refetch: true });
  const next = movedParts(parts, ranges, edit.newText, edit.newIndex);
  const foundNow = foundParts(next.parts);
  if (!next.changed) return { state: next.anchorState, found: foundNow, rewrite: null };
  const columns = partsColumns(next.parts);
  return {
    state: columns.anchorState,
    found: foundNow,
    rewrite: { id, exact: columns.quoteExact, prefix: columns.quotePrefix, suffix: columns.quoteSuffix, start: columns.positionStart, end: columns.positionEnd, state: columns.anchorState, partsJson: columns.partsJson },
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where a part's old place (code points) lands in the new text (UTF-16), mapped through the changes. */
function mappedRange(edit: TextEdit, position: Range): Range | null {
  const start = edit.oldIndex.toUtf16(position.start);
  const end = edit.oldIndex.toUtf16(position.end);
  if (start === null || end === null || end > edit.oldText.length) return null;
  return mapClaimRange(edit.changes, start, end);
}

/**
 * One UPDATE … FROM (VALUES …) for a chunk of claims: portable to SQLite ≥ 3.33 and PostgreSQL
 * (both name a VALUES list's columns column1, column2, …; the casts give PostgreSQL the types its
 * untyped parameters lack: integer positions, and text for parts_json, null for single-part claims).
 */
async function writeChunk(tx: Tx, articleId: string, chunk: readonly Rewrite[], newRevision: number): Promise<void> {
  if (chunk.length === 0) return;
  const values: SQL[] = chunk.map((r) => sql`(${r.id}, ${r.exact}, ${r.prefix}, ${r.suffix}, ${r.start}, ${r.end}, ${r.state}, ${r.partsJson})`);
  await tx
    .update(claims)
    .set({
      quoteExact: sql`v.column2`,
      quotePrefix: sql`v.column3`,
      quoteSuffix: sql`v.column4`,
      positionStart: sql`CAST(v.column5 AS integer)`,
      positionEnd: sql`CAST(v.column6 AS integer)`,
      anchorState: sql`v.column7`,
      partsJson: sql`CAST(v.column8 AS text)`,
      anchoredRevision: newRevision,
    })
    .from(sql`(VALUES ${sql.join(values, sql`, `)}) AS v`)
    .where(and(sql`${claims.id} = v.column1`, eq(claims.articleId, articleId)));
}
