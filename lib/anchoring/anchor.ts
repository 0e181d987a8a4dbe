import { type CodePointIndex, indexFor, widenToCodePoints } from './code-points';
import { matchQuote } from './match-quote';
import { readSelectors } from './read-selectors';
import type { Selector, TextPositionSelector, TextQuoteSelector, TextRange } from './types';

/**
 * Where the selected words are in `text` now, as UTF-16 offsets, or null when they are gone (orphan).
 *
 * 1. Fast path: the position selector still points at the exact quote with its context intact.
 * 2. Verbatim occurrences, ranked by prefix/suffix similarity and distance to the old position.
 * 3. The same ignoring whitespace differences (runs of spaces, newlines, NBSP count as one space).
 * 4. Fuzzy match within min(32, ⌊len/4⌋) edits for quotes of 8+ units, accepted only above a score.
 *
 * A position selector alone is taken at its word when it fits in the text. Malformed selectors throw
 * a TypeError (see readSelectors); no usable selector at all returns null. `index` is an optional
 * prebuilt codePointIndex(text) (callers with a cached one skip the O(n) scan).
 */
export function anchor(text: string, selectors: Selector[], index?: CodePointIndex): TextRange | null {
  if (typeof text !== 'string') throw new TypeError('anchor: text must be a string');
  const { quote, position } = readSelectors(selectors);
  return anchorRead(text, quote, position, indexFor(text, index, 'anchor'));
}

/** anchor() after its selectors were read (reanchorAll reads them once itself). */
export function anchorRead(text: string, quote: TextQuoteSelector | undefined, position: TextPositionSelector | undefined, index: CodePointIndex): TextRange | null {
  const positioned = position ? toUtf16Range(index, position) : null;
  if (!quote) return positioned && positioned.start < positioned.end ? positioned : null;
  if (positioned && isIntactAt(text, positioned, quote)) return positioned;

  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const hint = position ? index.toUtf16(Math.min(position.start, index.codePointLength)) ?? undefined : undefined;
  const found = matchQuote(text, quote.exact, { prefix, suffix, hint });
  // Fuzzy matching works on UTF-16 units; never hand back half an emoji.
  return found && widenToCodePoints(text, found);
}

export function toUtf16Range(index: CodePointIndex, position: TextPositionSelector): TextRange | null {
  const start = index.toUtf16(position.start);
  const end = index.toUtf16(position.end);
  return start === null || end === null ? null : { start, end };
}

/** Quote unchanged at its old position, and at least one side of its recorded context too. */
export function isIntactAt(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  if (text.slice(range.start, range.end) !== quote.exact) return false;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!prefix && !suffix) return true;
  return (prefix !== '' && range.start >= prefix.length && text.startsWith(prefix, range.start - prefix.length)) || (suffix !== '' && text.startsWith(suffix, range.end));
}
