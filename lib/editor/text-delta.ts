import type { JSONContent } from '@tiptap/core';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import { describe } from '@/lib/anchoring/describe';
import { applyTextChanges, mapOffset, type TextChange } from '@/lib/text/diff';
import { applyBlockSplices, type BlockSplice } from './block-splice';
import { jsonDocToText } from './doc-text';
import type { AnchorState, PartAnchorState } from '@/lib/domain/statuses';

/**
 * A text save told as a delta, so the saver and everyone watching can move from the text they hold
 * to the new one without fetching the article (730 KB) and its 2,000 claims again.
 *
 * Claims follow the text: each anchored claim's range is mapped through `textChanges`
 * (mapClaimRange); the server re-anchors every claim and lists as `exceptions` only those that did
 * not land there (found elsewhere, found again, or orphaned). Both sides then derive the same
 * selectors with `nextAnchor`, so the client's copy equals what the server stored (for a slim list
 * row without the quote's context, a change of context alone goes unnoticed: the row keeps its
 * anchoredRevision where the server's moved on, which changes nothing for the highlights).
 */

/**
 * A claim whose new place is not its mapped old place: a UTF-16 range in the new text, orphaned, or
 * (`refetch`) a multi-part claim whose parts did not all follow the text (one range cannot tell
 * where each part went): the receiver cannot derive the claims and fetches them again.
 */
export type ClaimException = { id: string; start: number; end: number } | { id: string; orphaned: true } | { id: string; refetch: true };

export interface ArticleTextDelta {
  baseRevision: number;
  revision: number;
  /** The document change as top-level block splices (old block indices). */
  docChanges: BlockSplice[];
  /** The plain-text change (UTF-16 offsets into the base revision's text). */
  textChanges: TextChange[];
  exceptions: ClaimException[];
}

/**
 * The anchoring part of a claim: what a text save may change. Positions are code points (W3C).
 * A list row (lib/editor/claim-rows) may leave out the quote's prefix and suffix: they are then
 * neither compared nor added.
 */
export interface AnchoredClaimFields {
  id: string;
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number };
  anchoredRevision: number;
  anchorState: AnchorState;
  /**
   * Every part, in text order, when the claim has several (a list row carries them only then; a
   * full claim always, one for a single-part claim). Each part follows the text like a claim.
   */
  parts?: readonly AnchoredPart[];
}

/** One part of a claim (lib/claims/parts): its quote (a row's without context), position and state. */
export interface AnchoredPart {
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number };
  anchorState: PartAnchorState;
}

/** Where an old UTF-16 range lands in the new text: its start sticks right of an insertion there, its end left. */
export function mapClaimRange(changes: readonly TextChange[], start: number, end: number): { start: number; end: number } | null {
  const from = mapOffset(changes, start, 1);
  const to = mapOffset(changes, end, -1);
  return to > from ? { start: from, end: to } : null;
}

export interface NextAnchor {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  anchorState: 'anchored' | 'orphaned';
  /** Whether any selector or the state differs from the claim's: only then is the claim rewritten. */
  changed: boolean;
}

/**
 * A claim's anchoring after a save: selectors of `range` in the new text, or orphaned with its old
 * selectors kept (never moved onto other words). Pure and shared by the server (what it stores) and
 * the client (what it derives), so both agree exactly.
 */
export function nextAnchor(claim: Pick<AnchoredClaimFields, 'quote' | 'position' | 'anchorState'>, range: { start: number; end: number } | null, newText: string, index: CodePointIndex): NextAnchor {
  if (!range) return { quote: { exact: claim.quote.exact, prefix: claim.quote.prefix ?? '', suffix: claim.quote.suffix ?? '' }, position: claim.position, anchorState: 'orphaned', changed: claim.anchorState !== 'orphaned' };
  const [quote, position] = describeWithIndex(newText, range.start, range.end, index);
  const next = {
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: { start: position.start, end: position.end },
    anchorState: 'anchored' as const,
  };
  const changed =
    claim.anchorState !== 'anchored' ||
    claim.position.start !== next.position.start ||
    claim.position.end !== next.position.end ||
    claim.quote.exact !== next.quote.exact ||
    (claim.quote.prefix !== undefined && claim.quote.prefix !== next.quote.prefix) ||
    (claim.quote.suffix !== undefined && claim.quote.suffix !== next.quote.suffix);
  return { ...next, changed };
}

/**
 * The claims after a save, derived on the client: mapped positions, the server's exceptions, and the
 * selectors recomputed in the new text. Claims not held are ignored; a claim that cannot be placed
 * (its old position does not fit the old text, or its mapped range collapsed without an exception,
 * or the server says `refetch`) makes the whole result null, and the caller refetches instead.
 *
 * A multi-part claim (two or more parts) moves part by part: the server sends no range for it, only
 * `refetch` when its parts did not all follow the text, so here every anchored part maps through the
 * changes and every orphaned part stays as it is (see reanchorArticleClaims, which checks the same).
 */
export function remapClaims<T extends AnchoredClaimFields>(
  claims: readonly T[],
  oldText: string,
  newText: string,
  textChanges: readonly TextChange[],
  exceptions: readonly ClaimException[],
  revision: number,
): T[] | null {
  // A claim the server could not tell as a range: refetch the list (held or not, it is one request).
  if (exceptions.some((e) => 'refetch' in e)) return null;
  const byId = new Map(exceptions.map((e) => [e.id, e]));
  const oldIndex = new CodePointIndex(oldText);
  const newIndex = new CodePointIndex(newText);
  const result: T[] = [];
  for (const claim of claims) {
    const exception = byId.get(claim.id);
    if (claim.parts && claim.parts.length >= 2) {
      // The server sends ranges for single-part claims only: an exception here means the two disagree.
      if (exception) return null;
      const moved = remapParts(claim, oldText, oldIndex, newText, newIndex, textChanges, revision);
      if (!moved) return null;
      result.push(moved);
      continue;
    }
    let range: { start: number; end: number } | null;
    if (exception) {
      if ('refetch' in exception) return null;
      range = 'orphaned' in exception ? null : { start: exception.start, end: exception.end };
    }
    else if (claim.anchorState !== 'anchored') {
      result.push(claim);
      continue;
    } else {
      range = mappedUtf16Range(claim, oldText, oldIndex, textChanges);
      if (!range) return null;
    }
    if (range && (range.start < 0 || range.end > newText.length || range.end <= range.start)) return null;
    const next = nextAnchor(claim, range, newText, newIndex);
    if (!next.changed) {
      result.push(claim);
      continue;
    }
    // A slim row stays slim: it carried no context, so it gets none.
    const quote = isSlim(claim) ? { exact: next.quote.exact } : next.quote;
    const moved = { ...claim, quote, position: next.position, anchorState: next.anchorState, anchoredRevision: revision };
    // A full claim holds its one part twice (the columns and parts[0]): both move.
    if (claim.parts && claim.parts.length === 1) moved.parts = [{ quote, position: next.position, anchorState: next.anchorState === 'anchored' ? 'anchored' : 'orphaned' }];
    result.push(moved);
  }
  return result;
}

const isSlim = (part: { quote: { prefix?: string; suffix?: string } }) => part.quote.prefix === undefined && part.quote.suffix === undefined;

/** The UTF-16 range an anchored part's old place maps to, or null when its stored place does not hold its quote in `oldText` or the range collapsed. */
function mappedUtf16Range(part: Pick<AnchoredPart, 'quote' | 'position'>, oldText: string, oldIndex: CodePointIndex, textChanges: readonly TextChange[]): { start: number; end: number } | null {
  const start = oldIndex.toUtf16(part.position.start);
  const end = oldIndex.toUtf16(part.position.end);
  if (start === null || end === null || oldText.slice(start, end) !== part.quote.exact) return null;
  return mapClaimRange(textChanges, start, end);
}

/**
 * A multi-part claim after a save when every part followed the text: anchored parts mapped, orphaned
 * ones kept; parts in their stored order (movedParts), the columns mirroring parts[0]. The same
 * function the server's check uses (movedParts), so both sides agree. Null when a part cannot be placed.
 */
function remapParts<T extends AnchoredClaimFields>(claim: T, oldText: string, oldIndex: CodePointIndex, newText: string, newIndex: CodePointIndex, textChanges: readonly TextChange[], revision: number): T | null {
  const parts = claim.parts ?? [];
  const ranges: Array<{ start: number; end: number } | null> = [];
  for (const part of parts) {
    if (part.anchorState !== 'anchored') {
      ranges.push(null);
      continue;
    }
    const range = mappedUtf16Range(part, oldText, oldIndex, textChanges);
    if (!range || range.end > newText.length) return null;
    ranges.push(range);
  }
  const next = movedParts(parts, ranges, newText, newIndex);
  if (!next.changed) return claim;
  const slimParts = next.parts.map((p, i) => (isSlim(parts[next.order[i]!]!) ? { ...p, quote: { exact: p.quote.exact } } : p));
  const first = slimParts[0]!;
  return { ...claim, parts: slimParts, quote: first.quote, position: first.position, anchorState: next.anchorState, anchoredRevision: revision };
}

export interface MovedParts {
  /** The parts after the save, in their stored order (found parts in text order among themselves). */
  parts: Array<{ quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number }; anchorState: PartAnchorState }>;
  /** For each new part, the index of the old part it came from. */
  order: number[];
  anchorState: AnchorState;
  /** Whether any part's selectors or state, or their order, changed. */
  changed: boolean;
}

/**
 * A multi-part claim's parts after a save, given each part's new UTF-16 range (null: not found;
 * the part is orphaned and keeps its old selectors): nextAnchor per part, in their stored order.
 * An orphaned part keeps its index (its stale position is never sorted on); only when the search
 * put found parts out of text order are the found parts sorted among the found parts' indices.
 * Shared by the server (what it stores) and the client.
 */
export function movedParts(parts: readonly AnchoredPart[], ranges: ReadonlyArray<{ start: number; end: number } | null>, newText: string, index: CodePointIndex): MovedParts {
  let changed = false;
  const next = parts.map((part, i) => {
    const anchor = nextAnchor(part, ranges[i] ?? null, newText, index);
    if (anchor.changed) changed = true;
    return { part: { quote: anchor.quote, position: anchor.position, anchorState: (anchor.anchorState === 'anchored' ? 'anchored' : 'orphaned') as PartAnchorState }, from: i };
  });
  const slots = next.flatMap((p, i) => (p.part.anchorState === 'anchored' ? [i] : []));
  const found = slots.map((i) => next[i]!).sort((a, b) => a.part.position.start - b.part.position.start || a.part.position.end - b.part.position.end);
  slots.forEach((slot, k) => {
    next[slot] = found[k]!;
  });
  if (next.some((p, i) => p.from !== i)) changed = true;
  const anchorState: AnchorState = found.length === next.length ? 'anchored' : found.length === 0 ? 'orphaned' : 'partial';
  return { parts: next.map((p) => p.part), order: next.map((p) => p.from), anchorState, changed };
}

/**
 * Applies a delta to the document held at `delta.baseRevision`: the new document (unchanged blocks
 * shared with `doc`) and both texts, or null when the delta does not fit (the caller refetches).
 */
export function applyDocDelta(doc: JSONContent, delta: Pick<ArticleTextDelta, 'docChanges' | 'textChanges'>): { doc: JSONContent; oldText: string; newText: string } | null {
  try {
    const next = applyBlockSplices(doc, delta.docChanges);
    const oldText = jsonDocToText(doc);
    const newText = jsonDocToText(next);
    if (applyTextChanges(oldText, delta.textChanges) !== newText) return null;
    return { doc: next, oldText, newText };
  } catch {
    return null;
  }
}

// describe() takes a prebuilt index as its 4th argument (anchoring contract 2); until that has
// landed the argument is ignored and describe() indexes the text itself (cached per string).
const describeWithIndex = describe as (text: string, start: number, end: number, index?: CodePointIndex) => ReturnType<typeof describe>;

/** Checks the shape of a delta that arrived over the wire (an event); null when it is unusable. */
export function readTextDelta(value: unknown): ArticleTextDelta | null {
  if (!value || typeof value !== 'object') return null;
  const d = value as Record<string, unknown>;
  if (!Number.isInteger(d.baseRevision) || !Number.isInteger(d.revision)) return null;
  if (!Array.isArray(d.docChanges) || !Array.isArray(d.textChanges) || !Array.isArray(d.exceptions)) return null;
  const okException = (e: unknown) => {
    if (!e || typeof e !== 'object') return false;
    const x = e as Record<string, unknown>;
    return typeof x.id === 'string' && (x.orphaned === true || x.refetch === true || (Number.isInteger(x.start) && Number.isInteger(x.end)));
  };
  if (!d.exceptions.every(okException)) return null;
  return d as unknown as ArticleTextDelta;
}
