import { findApproximateMatches, type ApproximateMatch } from './approximate-search';
import { isHighSurrogate, isLowSurrogate, widenToCodePoints } from './code-points';
import { findLongQuoteMatches } from './long-quote-search';
import { LONG_QUOTE_LENGTH } from './match-quote';
import { scoreCandidate, type Candidate } from './scoring';
import { isWhitespace, normalizedView, normalizeWhitespace } from './whitespace';

/**
 * Where an orphaned quote might be now: the places in the current text that resemble it most, for a
 * person to choose from ("Attach here"). Looser than anchor(), which must decide alone: more edits
 * are allowed and a weaker score is shown, because a human confirms the pick.
 */

/** A place in the text that resembles the quote: UTF-16 offsets, its words and the words around them. */
export interface QuoteCandidate {
  start: number;
  end: number;
  /** The text just before the candidate (whole words, at most `contextLength` units). */
  before: string;
  /** text.slice(start, end). */
  exact: string;
  after: string;
  /** Weighted quote/context similarity, 0…1 (1: the quote verbatim with its recorded context). */
  score: number;
}

export interface QuoteCandidateOptions {
  /** How many candidates at most (default 3). */
  limit?: number;
  /** Where the quote used to start (UTF-16), if known: breaks ties between equal candidates. */
  hint?: number;
  /** Candidates scoring below this are not shown (default CANDIDATE_MIN_SCORE). */
  minScore?: number;
  /** Units of surrounding text shown either side (default 60). */
  contextLength?: number;
  /** When given, filled in with how much work the search did (for tests and profiling). */
  stats?: QuoteCandidateStats;
}

/** How much work one findQuoteCandidates call did: bounded however long the text is. */
export interface QuoteCandidateStats {
  /** Approximate matches the search found (before the cap). */
  fuzzyMatches: number;
  /** Approximate matches kept for scoring (at most CANDIDATE_MAX_FUZZY). */
  fuzzyKept: number;
  /** Looks for the recorded context next to a match, each over a window of a few dozen units. */
  contextSearches: number;
  /** Units of text those looks covered, in all. */
  contextSearchedUnits: number;
  /** Candidates scored against the quote's context. */
  scored: number;
}

/** Error budget: up to 40 % of the quote's length (anchor() allows 25 %)… */
export const CANDIDATE_ERROR_FRACTION = 0.4;
/** …but never more than this many edits. */
export const CANDIDATE_MAX_ERRORS = 64;
/** Quotes shorter than this are only looked for verbatim (two edits make any short word another). */
export const CANDIDATE_MIN_FUZZY_LENGTH = 5;
/** Below this a candidate is noise (anchor() accepts 0.7 without a human). */
export const CANDIDATE_MIN_SCORE = 0.45;
/**
 * Approximate matches kept for scoring, fewest errors first: a short quote in a long text can match
 * thousands of places, and only the closest few are ever shown.
 */
export const CANDIDATE_MAX_FUZZY = 200;

type Quote = { exact: string; prefix?: string; suffix?: string };

/**
 * The best `limit` non-overlapping candidates for `quote` in `text`, best first (ties: earlier
 * first). Whitespace differences are ignored, as in anchor(). Offsets never split a surrogate pair.
 * An empty quote or text gives []; a text or quote that is not a string throws a TypeError.
 */
export function findQuoteCandidates(text: string, quote: Quote, options: QuoteCandidateOptions = {}): QuoteCandidate[] {
  if (typeof text !== 'string') throw new TypeError('findQuoteCandidates: text must be a string');
  if (!quote || typeof quote !== 'object' || typeof quote.exact !== 'string') throw new TypeError('findQuoteCandidates: quote.exact must be a string');
  const prefix = typeof quote.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix : '';
  const limit = wholeNumber(options.limit, 3);
  const contextLength = wholeNumber(options.contextLength, 60);
  const minScore = typeof options.minScore === 'number' && Number.isFinite(options.minScore) ? options.minScore : CANDIDATE_MIN_SCORE;
  const view = normalizedView(text);
  const exact = normalizeWhitespace(quote.exact).trim();
  if (limit === 0 || exact.length === 0 || view.text.length === 0) return [];

  const hint = typeof options.hint === 'number' && Number.isFinite(options.hint) && options.hint >= 0 && options.hint <= text.length ? view.fromOriginal(Math.floor(options.hint)) : undefined;
  const context = { prefix: normalizeWhitespace(prefix), suffix: normalizeWhitespace(suffix), hint };

  const stats: QuoteCandidateStats = { fuzzyMatches: 0, fuzzyKept: 0, contextSearches: 0, contextSearchedUnits: 0, scored: 0 };
  const raw: Candidate[] = [];
  for (let at = view.text.indexOf(exact); at !== -1; at = view.text.indexOf(exact, at + 1)) raw.push({ start: at, end: at + exact.length, quoteSimilarity: 1 });
  if (exact.length >= CANDIDATE_MIN_FUZZY_LENGTH) {
    const maxErrors = Math.min(CANDIDATE_MAX_ERRORS, Math.floor(exact.length * CANDIDATE_ERROR_FRACTION));
    const matches: ApproximateMatch[] = exact.length >= LONG_QUOTE_LENGTH ? findLongQuoteMatches(view.text, exact, maxErrors, hint) : findApproximateMatches(view.text, exact, maxErrors);
    stats.fuzzyMatches = matches.length;
    for (const m of closestMatches(matches, hint, CANDIDATE_MAX_FUZZY)) {
      if (m.end <= m.start) continue;
      stats.fuzzyKept += 1;
      const range = snapToContext(view.text, m, context, maxErrors, stats);
      if (range.end > range.start) raw.push({ ...range, quoteSimilarity: 1 - m.errors / exact.length });
    }
  }

  stats.scored = raw.length;
  if (options.stats) Object.assign(options.stats, stats);
  const scored = raw
    .map((candidate) => scoreCandidate(view.text, candidate, context))
    .filter((candidate) => candidate.score >= minScore)
    .sort((a, b) => b.score - a.score || a.start - b.start);

  const picked: QuoteCandidate[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  for (const candidate of scored) {
    if (picked.length >= limit) break;
    const range = trimWhitespace(text, widenToCodePoints(text, { start: view.toOriginalStart(candidate.start), end: view.toOriginalEnd(candidate.end) }));
    if (range.end <= range.start) continue;
    // Overlapping candidates are one place found twice (a verbatim and a fuzzy hit, two ends of one match): keep the better.
    if (taken.some((t) => t.start < range.end && range.start < t.end)) continue;
    taken.push(range);
    picked.push({
      start: range.start,
      end: range.end,
      before: contextBefore(text, range.start, contextLength),
      exact: text.slice(range.start, range.end),
      after: contextAfter(text, range.end, contextLength),
      score: Math.round(candidate.score * 1000) / 1000,
    });
  }
  return picked;
}

/** How much of the recorded context is looked for next to a fuzzy match. */
const CONTEXT_PROBE = 12;

/**
 * A fuzzy match is as long as the quote, so reworded words that grew or shrank are cut short or
 * run over. Where the recorded context is found verbatim just around the match, its edges move
 * onto the context's (the quote is what lies between its old surroundings).
 */
function snapToContext(text: string, match: { start: number; end: number }, context: { prefix: string; suffix: string }, slack: number, stats: QuoteCandidateStats): { start: number; end: number } {
  let { start, end } = match;
  const suffix = context.suffix.slice(0, CONTEXT_PROBE);
  if (suffix.trim()) {
    const found = nearest(text, suffix, end, slack, stats);
    if (found !== null && found > start) end = found;
  }
  const prefix = context.prefix.slice(-CONTEXT_PROBE);
  if (prefix.trim()) {
    const found = nearest(text, prefix, start - prefix.length, slack, stats);
    if (found !== null && found + prefix.length < end) start = found + prefix.length;
  }
  return { start, end };
}

/**
 * The occurrence of `needle` starting nearest `at`, at most `slack` away (earlier on a tie); null
 * when none. Only that window of the text is searched, never the rest of it.
 */
function nearest(text: string, needle: string, at: number, slack: number, stats: QuoteCandidateStats): number | null {
  const from = Math.max(0, at - slack);
  const to = Math.min(text.length, at + slack + needle.length);
  if (to - from < needle.length) return null;
  const window = text.slice(from, to);
  stats.contextSearches += 1;
  stats.contextSearchedUnits += window.length;
  let best: number | null = null;
  for (let i = window.indexOf(needle); i !== -1; i = window.indexOf(needle, i + 1)) {
    const found = from + i;
    if (best === null || Math.abs(found - at) < Math.abs(best - at)) best = found;
  }
  return best;
}

/** The `limit` matches with the fewest errors (then nearest the hint, then earliest), in text order. */
function closestMatches(matches: readonly ApproximateMatch[], hint: number | undefined, limit: number): ApproximateMatch[] {
  if (matches.length <= limit) return [...matches];
  const distance = (m: ApproximateMatch) => (hint === undefined ? 0 : Math.abs(m.start - hint));
  return [...matches]
    .sort((a, b) => a.errors - b.errors || distance(a) - distance(b) || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start);
}

function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** A fuzzy match may start or end on the space next to the words: the words alone. */
function trimWhitespace(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range;
  while (start < end && isWhitespace(text.charCodeAt(start))) start += 1;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end -= 1;
  return { start, end };
}

/** Up to `length` units before `offset` in its paragraph, cut at a word boundary when there is one, never inside a surrogate pair. */
export function contextBefore(text: string, offset: number, length: number): string {
  let from = Math.max(0, offset - length);
  if (from > 0) {
    const space = text.slice(from, offset).search(/\s/);
    if (space > 0) from += space + 1;
    else if (isLowSurrogate(text.charCodeAt(from))) from += 1;
  }
  const context = text.slice(from, offset);
  // The words of this paragraph only.
  const block = context.lastIndexOf('\n\n');
  return block === -1 ? context : context.slice(block + 2);
}

/** Up to `length` units after `offset` in its paragraph, cut at a word boundary when there is one, never inside a surrogate pair. */
export function contextAfter(text: string, offset: number, length: number): string {
  let to = Math.min(text.length, offset + length);
  if (to < text.length) {
    const slice = text.slice(offset, to);
    const space = Math.max(slice.lastIndexOf(' '), slice.lastIndexOf('\n'));
    if (space > 0) to = offset + space;
    else if (isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  }
  const context = text.slice(offset, to);
  const block = context.indexOf('\n\n');
  return block === -1 ? context : context.slice(0, block);
}
