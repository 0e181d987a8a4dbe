import { codePointIndex } from '@/lib/anchoring/code-points';

/**
 * The new spans of a claim for PUT /api/claims/:id/anchor, worked out in the browser from the
 * claim's parts and the user's selection (UTF-16 offsets into the shown text). Pure.
 */

export type Range = { start: number; end: number };

/** What the spans computation needs of a part (a ClaimPart or a list row's part). */
export interface SpanPart {
  /** Code points. */
  position: { start: number; end: number };
  quote: { exact: string };
  anchorState: 'anchored' | 'orphaned';
}

/** What the user does to the claim's words. */
export type SpanChange =
  /** The selection becomes all of the claim's words (one part). */
  | { kind: 'replace-all'; selection: Range }
  /** The selection replaces one part's words (change words of a part, re-attach an orphaned part). */
  | { kind: 'replace-part'; partIndex: number; selection: Range }
  /** The selection becomes one more part. */
  | { kind: 'add'; selection: Range }
  /** One part goes (the others stay). */
  | { kind: 'remove'; partIndex: number };

/** One entry of PUT /api/claims/:id/anchor: new words, or a current part kept as stored (0-based index). */
export type SpanEntry = Range | { keep: number };

export type SpanResult =
  | {
      ok: true;
      /**
       * All the claim's parts after the change (what the route takes): the new words, and every other
       * part kept as stored — an orphaned part stays orphaned rather than being dropped. The server
       * puts found parts in text order.
       */
      parts: SpanEntry[];
    }
  | { ok: false; message: string };

/**
 * Where each part's words are in `text` now (UTF-16), or null for a part that is orphaned or whose
 * words are no longer at its stored position (the text changed since it was anchored).
 */
export function partRangesIn(text: string, parts: readonly SpanPart[]): Array<Range | null> {
  const index = codePointIndex(text);
  return parts.map((part) => {
    if (part.anchorState !== 'anchored') return null;
    const start = index.toUtf16(part.position.start);
    const end = index.toUtf16(part.position.end);
    if (start === null || end === null || end <= start) return null;
    return text.slice(start, end) === part.quote.exact ? { start, end } : null;
  });
}

/** The claim's parts after `change`, given where its parts are now (partRangesIn) and the text's length. */
export function spansAfter(current: ReadonlyArray<Range | null>, change: SpanChange, textLength: number): SpanResult {
  if ('selection' in change) {
    const { start, end } = change.selection;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > textLength) return { ok: false, message: 'The selection is outside the article text.' };
    if (end <= start) return { ok: false, message: 'Select the words in the article first.' };
  }
  if (change.kind === 'replace-all') return { ok: true, parts: [copy(change.selection)] };
  if ((change.kind === 'replace-part' || change.kind === 'remove') && !(Number.isInteger(change.partIndex) && change.partIndex >= 0 && change.partIndex < current.length)) {
    return { ok: false, message: 'That part of the claim no longer exists.' };
  }
  const others = current.map((range, index) => ({ range, index })).filter(({ index }) => !('partIndex' in change) || index !== change.partIndex);

  if (change.kind === 'remove') {
    if (!others.some((o) => o.range)) return { ok: false, message: current.length <= 1 ? 'A claim needs words: delete the claim instead.' : 'No other part of this claim is in the text. Re-attach one first.' };
    return { ok: true, parts: others.map(({ index }) => ({ keep: index })) };
  }

  const selection = change.selection;
  const overlapped = others.find(({ range }) => range && range.start < selection.end && selection.start < range.end);
  if (overlapped) return { ok: false, message: `These words overlap part ${overlapped.index + 1} of the claim. Select other words.` };
  const parts: SpanEntry[] = others.map(({ index }) => ({ keep: index }));
  // The new words take the replaced part's place in the list (the server re-sorts found parts anyway).
  if (change.kind === 'replace-part') parts.splice(change.partIndex, 0, copy(selection));
  else parts.push(copy(selection));
  return { ok: true, parts };
}

function copy(range: Range): Range {
  return { start: range.start, end: range.end };
}
