import type { JSONContent } from '@tiptap/core';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import { describe } from '@/lib/anchoring/describe';
import { applyTextChanges, mapOffset, type TextChange } from '@/lib/text/diff';
import { applyBlockSplices, type BlockSplice } from './block-splice';
import { jsonDocToText } from './doc-text';

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

/** A claim whose new place is not its mapped old place: a UTF-16 range in the new text, or orphaned. */
export type ClaimException = { id: string; start: number; end: number } | { id: string; orphaned: true };

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
  anchorState: 'anchored' | 'orphaned';
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
export function nextAnchor(claim: Omit<AnchoredClaimFields, 'id' | 'anchoredRevision'>, range: { start: number; end: number } | null, newText: string, index: CodePointIndex): NextAnchor {
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
 * (its old position does not fit the old text, or its mapped range collapsed without an exception)
 * makes the whole result null, and the caller refetches instead.
 */
export function remapClaims<T extends AnchoredClaimFields>(
  claims: readonly T[],
  oldText: string,
  newText: string,
  textChanges: readonly TextChange[],
  exceptions: readonly ClaimException[],
  revision: number,
): T[] | null {
  const byId = new Map(exceptions.map((e) => [e.id, e]));
  const oldIndex = new CodePointIndex(oldText);
  const newIndex = new CodePointIndex(newText);
  const result: T[] = [];
  for (const claim of claims) {
    const exception = byId.get(claim.id);
    let range: { start: number; end: number } | null;
    if (exception) range = 'orphaned' in exception ? null : { start: exception.start, end: exception.end };
    else if (claim.anchorState === 'orphaned') {
      result.push(claim);
      continue;
    } else {
      const start = oldIndex.toUtf16(claim.position.start);
      const end = oldIndex.toUtf16(claim.position.end);
      if (start === null || end === null || oldText.slice(start, end) !== claim.quote.exact) return null;
      range = mapClaimRange(textChanges, start, end);
      if (!range) return null;
    }
    if (range && (range.start < 0 || range.end > newText.length || range.end <= range.start)) return null;
    const next = nextAnchor(claim, range, newText, newIndex);
    if (!next.changed) {
      result.push(claim);
      continue;
    }
    // A slim row stays slim: it carried no context, so it gets none.
    const slim = claim.quote.prefix === undefined && claim.quote.suffix === undefined;
    const quote = slim ? { exact: next.quote.exact } : next.quote;
    result.push({ ...claim, quote, position: next.position, anchorState: next.anchorState, anchoredRevision: revision });
  }
  return result;
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
    return typeof x.id === 'string' && (x.orphaned === true || (Number.isInteger(x.start) && Number.isInteger(x.end)));
  };
  if (!d.exceptions.every(okException)) return null;
  return d as unknown as ArticleTextDelta;
}
