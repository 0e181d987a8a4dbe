import { findApproximateMatches, type ApproximateMatch } from './approximate-search';
import { findLongQuoteMatches } from './long-quote-search';
import { bestCandidate, scoreCandidate, type Candidate, type ScoredCandidate } from './scoring';
import type { QuoteContext, TextRange } from './types';
import { normalizedView, normalizeWhitespace } from './whitespace';

/** Shorter quotes are never matched fuzzily: two edits turn any short word into another word. */
export const MIN_FUZZY_QUOTE_LENGTH = 8;
/** Error budget for fuzzy matching: a quarter of the quote's length… */
export const MAX_ERROR_FRACTION = 0.25;
/** …but never more than this many edits (it also bounds the cost of long-quote search). */
export const MAX_ERRORS = 32;
/** From here on the pigeonhole search is used: 33 pieces of ≥ 12 units are rare enough to index. */
export const LONG_QUOTE_LENGTH = 400;
/** A fuzzy candidate must score at least this (weighted quote/context/position similarity, 0…1). */
export const MIN_FUZZY_SCORE = 0.7;
/** Quotes shorter than this can recur by chance, so they need their context or exact position… */
export const DISTINCTIVE_QUOTE_LENGTH = 32;
/** …meaning prefix or suffix at least this similar (unrelated prose measures 0.25 median, < 0.5 max). */
export const MIN_CONTEXT_SIMILARITY = 0.6;
/** In long texts, fuzzy search first looks this many units either side of the position hint… */
export const HINT_WINDOW = 4096;
/** …and stops there if the best candidate scores at least this. */
export const CONFIDENT_SCORE = 0.9;

/**
 * Finds `quote` in `text` (UTF-16 offsets): verbatim, then ignoring whitespace differences, then
 * fuzzily. Candidates are ranked by quote, prefix/suffix and position similarity; null when no
 * candidate is convincing (the quote was deleted or rewritten).
 */
export function matchQuote(text: string, quote: string, context: QuoteContext): TextRange | null {
  const verbatim = bestAcceptable(text, exactCandidates(text, quote), quote.length, context, 0);
  if (verbatim) return verbatim;

  const view = normalizedView(text);
  const normalizedQuote = normalizeWhitespace(quote);
  const normalizedContext: QuoteContext = {
    prefix: normalizeWhitespace(context.prefix),
    suffix: normalizeWhitespace(context.suffix),
    hint: context.hint === undefined ? undefined : view.fromOriginal(context.hint),
  };
  const found =
    bestAcceptable(view.text, exactCandidates(view.text, normalizedQuote), normalizedQuote.length, normalizedContext, 0) ??
    fuzzyMatch(view.text, normalizedQuote, normalizedContext);
  return found && { start: view.toOriginalStart(found.start), end: view.toOriginalEnd(found.end) };
}

function fuzzyMatch(text: string, quote: string, context: QuoteContext): ScoredCandidate | null {
  if (quote.length < MIN_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * MAX_ERROR_FRACTION));
  const pick = (matches: ApproximateMatch[]) => bestAcceptable(text, matches.map((match) => toCandidate(match, quote.length)), quote.length, context, MIN_FUZZY_SCORE);

  if (quote.length >= LONG_QUOTE_LENGTH) return pick(findLongQuoteMatches(text, quote, maxErrors, context.hint));
  if (context.hint !== undefined && text.length > 4 * HINT_WINDOW) {
    const from = Math.max(0, context.hint - HINT_WINDOW);
    const to = Math.min(text.length, context.hint + quote.length + HINT_WINDOW);
    const near = pick(findApproximateMatches(text, quote, maxErrors, from, to));
    if (near && near.score >= CONFIDENT_SCORE) return near;
  }
  return pick(findApproximateMatches(text, quote, maxErrors));
}

function exactCandidates(text: string, quote: string): Candidate[] {
  const candidates: Candidate[] = [];
  if (quote.length === 0) return candidates;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    candidates.push({ start: at, end: at + quote.length, quoteSimilarity: 1 });
  }
  return candidates;
}

function toCandidate(match: ApproximateMatch, quoteLength: number): Candidate {
  return { start: match.start, end: match.end, quoteSimilarity: 1 - match.errors / quoteLength };
}

function bestAcceptable(text: string, candidates: Candidate[], quoteLength: number, context: QuoteContext, minScore: number): ScoredCandidate | null {
  const scored = candidates.map((candidate) => scoreCandidate(text, candidate, context));
  return bestCandidate(scored.filter((candidate) => candidate.score >= minScore && isDistinctive(candidate, quoteLength, context)));
}

/** A short quote is only trusted where its recorded context (or exact position) still agrees. */
function isDistinctive(candidate: ScoredCandidate, quoteLength: number, context: QuoteContext): boolean {
  if (quoteLength >= DISTINCTIVE_QUOTE_LENGTH) return true;
  if (candidate.prefixSimilarity === null && candidate.suffixSimilarity === null) return true;
  if (candidate.start === context.hint) return true;
  return Math.max(candidate.prefixSimilarity ?? 0, candidate.suffixSimilarity ?? 0) >= MIN_CONTEXT_SIMILARITY;
}
