import { prefixSimilarity, suffixSimilarity } from './similarity';
import type { QuoteContext, TextRange } from './types';

// Relative weights of the evidence for a candidate (after Hypothesis's match-quote). The quote itself
// dominates; context tells repeated quotes apart; position only breaks ties between equal contexts.
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;

/** A possible location of the quote, with how closely its text matches (1 = verbatim). */
export type Candidate = TextRange & { quoteSimilarity: number };

export type ScoredCandidate = Candidate & {
  /** null when no prefix/suffix was recorded (start or end of text, or a caller without context). */
  prefixSimilarity: number | null;
  suffixSimilarity: number | null;
  /** Weighted mean of the available evidence, 0…1. */
  score: number;
};

/** Scores a candidate; evidence that is absent (empty context, no hint) is left out rather than guessed. */
export function scoreCandidate(text: string, candidate: Candidate, context: QuoteContext): ScoredCandidate {
  const prefix = context.prefix ? prefixSimilarity(text, candidate.start, context.prefix) : null;
  const suffix = context.suffix ? suffixSimilarity(text, candidate.end, context.suffix) : null;
  let total = QUOTE_WEIGHT * candidate.quoteSimilarity;
  let weights = QUOTE_WEIGHT;
  if (prefix !== null) {
    total += PREFIX_WEIGHT * prefix;
    weights += PREFIX_WEIGHT;
  }
  if (suffix !== null) {
    total += SUFFIX_WEIGHT * suffix;
    weights += SUFFIX_WEIGHT;
  }
  if (context.hint !== undefined) {
    const proximity = 1 - Math.min(1, Math.abs(candidate.start - context.hint) / Math.max(1, text.length));
    total += POSITION_WEIGHT * proximity;
    weights += POSITION_WEIGHT;
  }
  return { ...candidate, prefixSimilarity: prefix, suffixSimilarity: suffix, score: total / weights };
}

/** Highest score; on a tie the earlier start, so results never depend on search order. */
export function bestCandidate(candidates: readonly ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const candidate of candidates) {
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.start < best.start)) best = candidate;
  }
  return best;
}
