import type { CueName } from '@/lib/check-worthiness/types';
import type { RunView, SuggestionView } from './types';

type Range = { start: number; end: number };

/**
 * True when a claim already covers the suggested sentence: it covers at least half of the
 * sentence, or lies wholly inside it (someone marked part of the sentence: it has been looked at).
 */
export function coveredByClaim(sentence: Range, claim: Range): boolean {
  if (claim.end <= claim.start || sentence.end <= sentence.start) return false;
  const overlap = Math.min(sentence.end, claim.end) - Math.max(sentence.start, claim.start);
  if (overlap <= 0) return false;
  if (claim.start >= sentence.start && claim.end <= sentence.end) return true;
  return overlap * 2 >= sentence.end - sentence.start;
}

/**
 * The suggestions to draw on `text` (the shown text): those whose words are where they say (a list
 * fetched for another revision is not drawn until refetched) and that no claim covers, in reading order.
 */
export function visibleSuggestions(suggestions: readonly SuggestionView[], text: string, claimRanges: Iterable<Range>): SuggestionView[] {
  const claims = [...claimRanges];
  return suggestions
    .filter((s) => s.state === 'open' && s.start < s.end && s.end <= text.length && text.slice(s.start, s.end) === s.quote)
    .filter((s) => !claims.some((c) => coveredByClaim(s, c)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The suggestion after (`+1`) or before (`-1`) the current one, wrapping around; the first/last when none is current. */
export function stepSuggestion(ids: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return direction === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(at + direction + ids.length) % ids.length]!;
}

/** A score 0–1 as a whole percentage for people ("72%"). */
export function percentOf(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** Cues that make a sentence less likely worth checking (their weights are negative). */
const LOWERING: ReadonlySet<CueName> = new Set<CueName>(['hedge', 'question', 'imperative', 'future', 'firstPerson']);

/** Whether a reason raised or lowered the score, in words. */
export function reasonEffect(cue: CueName): 'raises' | 'lowers' {
  return LOWERING.has(cue) ? 'lowers' : 'raises';
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fa: 'Persian', ar: 'Arabic' };

/**
 * The notice shown when the scorer could use only its language-independent cues (digits, %,
 * currency, dates, quotation marks, questions): null when the language had its full set.
 */
export function languageNotice(run: Pick<RunView, 'language' | 'languageSupport'> | null, languageSupport: RunView['languageSupport']): string | null {
  const support = run?.languageSupport ?? languageSupport;
  if (support !== 'partial') return null;
  const name = run?.language ? LANGUAGE_NAMES[run.language] : undefined;
  return `${name ? `${name} text` : 'Text in a language the scorer does not know'}: using language-independent cues only (numbers, dates, money, quotation marks), so the suggestions are less reliable.`;
}

/** What the Find claims control says about the latest run. */
export function runStatusText(run: RunView | null, count: number): string {
  if (!run) return 'Not run on this article yet.';
  switch (run.status) {
    case 'running':
      return run.sentencesDone > 0 ? `Finding claims… ${runPercent(run)}% (${run.sentencesDone} sentences scored)` : `Finding claims… ${runPercent(run)}%`;
    case 'failed':
      return `Find claims failed${run.error ? `: ${run.error}` : '.'}`;
    case 'cancelled':
      return 'Find claims was stopped.';
    case 'done':
      return count === 0 ? 'No sentences to suggest.' : count === 1 ? '1 sentence worth checking.' : `${count} sentences worth checking.`;
  }
}

/** A running run's progress (0–1, text scored / text length) as a whole percentage, rounded down. */
export function runPercent(run: Pick<RunView, 'progress'>): number {
  if (!Number.isFinite(run.progress) || run.progress <= 0) return 0;
  return Math.min(100, Math.floor(run.progress * 100));
}
