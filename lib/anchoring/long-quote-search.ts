import type { ApproximateMatch } from './approximate-search';
import { alignNear } from './banded-alignment';

/** Verifying a candidate costs O(m·k); this caps the work when a long quote's pieces recur often. */
export const MAX_LONG_QUOTE_CANDIDATES = 50;

/**
 * Approximate search for long quotes by the pigeonhole principle: cut the quote into k+1 disjoint
 * pieces; k edits can touch at most k of them, so any match contains at least one piece verbatim.
 * Pieces are found with indexOf (fast, native) and each implied start is verified with a banded
 * alignment — O(n·(k+1) + candidates·m·k), never O(n·m).
 * Needs pieces long enough to be rare (see matchQuote's LONG_QUOTE_LENGTH).
 */
export function findLongQuoteMatches(text: string, quote: string, maxErrors: number, hint?: number): ApproximateMatch[] {
  const pieceCount = maxErrors + 1;
  const pieceLength = Math.floor(quote.length / pieceCount);
  const votes = new Map<number, number>();
  for (let piece = 0; piece < pieceCount; piece += 1) {
    const offset = piece * pieceLength;
    const needle = quote.slice(offset, offset + pieceLength);
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const impliedStart = at - offset;
      votes.set(impliedStart, (votes.get(impliedStart) ?? 0) + 1);
    }
  }

  // Best supported first, then nearest the hint; starts within k of a verified one are already covered.
  const ranked = [...votes].sort(([startA, votesA], [startB, votesB]) => votesB - votesA || distance(startA, hint) - distance(startB, hint));
  const verifiedStarts: number[] = [];
  const matches: ApproximateMatch[] = [];
  for (const [impliedStart] of ranked) {
    if (verifiedStarts.length >= MAX_LONG_QUOTE_CANDIDATES) break;
    if (verifiedStarts.some((start) => Math.abs(start - impliedStart) <= maxErrors)) continue;
    verifiedStarts.push(impliedStart);
    // Real start is within k of a covered implied start, which is within k of this one; the path
    // then strays at most k from its diagonal: 3k covers all of it.
    const match = alignNear(text, quote, impliedStart, 3 * maxErrors);
    if (match && match.errors <= maxErrors && !matches.some((m) => m.start === match.start && m.end === match.end)) matches.push(match);
  }
  return matches;
}

function distance(offset: number, hint: number | undefined): number {
  return hint === undefined ? 0 : Math.abs(offset - hint);
}
