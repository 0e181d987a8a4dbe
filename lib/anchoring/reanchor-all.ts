import { diffText, mapOffset, touchesChange, type TextChange } from '../text/diff';
import { anchorRead, isIntactAt, toUtf16Range } from './anchor';
import { type CodePointIndex, indexFor, splitsSurrogatePair, widenToCodePoints } from './code-points';
import { MAX_ERRORS, matchQuote } from './match-quote';
import { readSelectors, type ReadSelectors } from './read-selectors';
import type { Selector, TextQuoteSelector, TextRange } from './types';

/**
 * Slack either side of a claim's mapped range searched before the whole text: room for the fuzzy
 * matcher's drift (at most MAX_ERRORS) beyond the twice-the-context that context scoring reads.
 */
export const NEAR_SLACK = 64;

/**
 * Re-anchors many selector sets after `oldText` was edited into `newText`: one entry per set, UTF-16
 * offsets into `newText`, null for an orphan. Pure. The same answer as anchor(newText, set) wherever that
 * one is right, much faster, and better where anchor() would be fooled by the same words elsewhere:
 *
 * 1. The edit is diffed once (diffText); both code point indexes are built once.
 * 2. A set whose position selector holds its exact quote in `oldText` is mapped through the changes.
 *    If no change touches the quote and its context is intact there (anchor()'s fast-path rule), done.
 * 3. Otherwise the quote is searched for near its mapped position (verbatim, whitespace-insensitive,
 *    then fuzzy, under matchQuote's acceptance rules) — unless the edit inserted the quote verbatim
 *    somewhere (a moved paragraph), which the whole-text search below finds instead.
 * 4. What is still unplaced, and every set whose position does not hold its quote in `oldText` (e.g. an
 *    orphan anchored at an older revision), goes through anchor() on `newText`.
 *
 * A set with only a position selector that fits `oldText` is mapped through the edit (null if its text was
 * deleted); anchor() would keep the raw offsets, which after an insertion above point at other words.
 * Malformed input throws a TypeError, like anchor().
 */
export function reanchorAll(oldText: string, newText: string, selectors: Selector[][], prepared: ReanchorPrepared = {}): Array<TextRange | null> {
  if (typeof oldText !== 'string') throw new TypeError('reanchorAll: oldText must be a string');
  if (typeof newText !== 'string') throw new TypeError('reanchorAll: newText must be a string');
  if (!Array.isArray(selectors)) throw new TypeError('reanchorAll: selectors must be an array of selector arrays');
  const sets = selectors.map((set, i) => readSet(set, i));
  const newIndex = indexFor(newText, prepared.newIndex, 'reanchorAll (newIndex)');
  if (oldText === newText) return sets.map(({ quote, position }) => anchorRead(newText, quote, position, newIndex));

  const oldIndex = indexFor(oldText, prepared.oldIndex, 'reanchorAll (oldIndex)');
  const changes = prepared.changes ?? diffText(oldText, newText);
  if (prepared.changes) assertChangesFit(changes, oldText, newText);
  const results: Array<TextRange | null> = new Array<TextRange | null>(sets.length).fill(null);
  const near: Array<{ i: number; quote: TextQuoteSelector; mapped: TextRange }> = [];
  const everywhere: number[] = [];
  let inserted: string | null = null;

  sets.forEach(({ quote, position }, i) => {
    const old = position ? toUtf16Range(oldIndex, position) : null;
    if (!old || (quote && !holds(oldText, old, quote.exact))) {
      everywhere.push(i);
      return;
    }
    const mapped = { start: mapOffset(changes, old.start, 1), end: mapOffset(changes, old.end, -1) };
    if (!quote) {
      results[i] = old.start < old.end && mapped.start < mapped.end ? mapped : null;
      return;
    }
    if (!touchesChange(changes, old.start, old.end) && isIntactAt(newText, mapped, quote)) {
      results[i] = mapped;
      return;
    }
    inserted ??= insertedText(changes);
    if (inserted.includes(quote.exact)) everywhere.push(i);
    else near.push({ i, quote, mapped });
  });

  // All window searches before any whole-text search: both reuse one cached whitespace view of their text.
  for (const { i, quote, mapped } of near) {
    const found = searchNear(newText, quote, mapped);
    if (found) results[i] = found;
    else everywhere.push(i);
  }
  for (const i of everywhere) {
    const { quote, position } = sets[i]!;
    results[i] = anchorRead(newText, quote, position, newIndex);
  }
  return results;
}

/**
 * What a caller may already have computed, so reanchorAll does not do it again: `changes` must be
 * diffText(oldText, newText) (or any changes turning oldText into newText), the indexes
 * codePointIndex() of each text. A quote is only ever accepted where newText really holds it.
 */
export type ReanchorPrepared = { changes?: readonly TextChange[]; oldIndex?: CodePointIndex; newIndex?: CodePointIndex };

/** Cheap sanity check of caller-supplied changes (validated by mapOffset; lengths must add up). */
function assertChangesFit(changes: readonly TextChange[], oldText: string, newText: string): void {
  if (!Array.isArray(changes)) throw new TypeError('reanchorAll: changes must be an array');
  let length = oldText.length;
  for (const change of changes) length += (typeof change?.insert === 'string' ? change.insert.length : NaN) - (change.to - change.from);
  if (length !== newText.length) throw new TypeError(`reanchorAll: changes do not turn oldText into newText (they make ${length} UTF-16 units, newText has ${newText.length})`);
  if (changes.length > 0) mapOffset(changes, 0, 1); // validates order, bounds and types (TypeError)
}

function readSet(set: unknown, i: number): ReadSelectors {
  try {
    return readSelectors(set);
  } catch (error) {
    if (error instanceof TypeError) throw new TypeError(`reanchorAll: selectors[${i}]: ${error.message.replace(/^anchor: /, '')}`);
    throw error;
  }
}

function holds(text: string, range: TextRange, exact: string): boolean {
  return range.end - range.start === exact.length && text.startsWith(exact, range.start);
}

function insertedText(changes: readonly TextChange[]): string {
  return changes.map((change) => change.insert).join('\u0000');
}

/** matchQuote on a window of `text` around the mapped range (hint: the mapped start). */
function searchNear(text: string, quote: TextQuoteSelector, mapped: TextRange): TextRange | null {
  const margin = 2 * Math.max(quote.prefix?.length ?? 0, quote.suffix?.length ?? 0) + MAX_ERRORS + NEAR_SLACK;
  // A quote inside a replaced stretch maps to its ends in either order; search around both.
  let from = Math.max(0, Math.min(mapped.start, mapped.end) - margin);
  let to = Math.min(text.length, Math.max(mapped.start, mapped.end) + margin);
  if (splitsSurrogatePair(text, from)) from -= 1;
  if (splitsSurrogatePair(text, to)) to += 1;
  const found = matchQuote(text.slice(from, to), quote.exact, { prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', hint: mapped.start - from });
  return found && widenToCodePoints(text, { start: found.start + from, end: found.end + from });
}
