import type { AgendaReason, SessionItemDto, SessionItemOutcome } from '@/lib/domain/review-sessions';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';

/** Why a claim is on the agenda, in words ("Reviewers disagree · 33% agreement"). */
export function reasonLabel(reason: AgendaReason, agreement: number | null = null): string {
  switch (reason) {
    case 'disagreement':
      return agreement === null ? 'Reviewers disagree' : `Reviewers disagree · ${Math.round(agreement * 100)}% agreement`;
    case 'unread_discussion':
      return 'Unread discussion';
    case 'no_final_verdict':
      return 'No final verdict';
    case 'added':
      return 'Added by the lead';
  }
}

export const OUTCOME_LABELS: Record<SessionItemOutcome, string> = {
  pending: 'Pending',
  decided: 'Decided',
  deferred: 'Deferred',
  dropped: 'Dropped',
};

export const OUTCOME_CLASSES: Record<SessionItemOutcome, string> = {
  pending: 'bg-gray-100 text-gray-800',
  decided: 'bg-emerald-100 text-emerald-900',
  deferred: 'bg-amber-100 text-amber-900',
  dropped: 'bg-gray-200 text-gray-700 line-through decoration-gray-500',
};

/**
 * "Decided: False", "Deferred", "Dropped", "Pending" ("Not reached" in the minutes of an ended
 * session); the blind-review phrase when the server withheld this claim's decision from the reader.
 */
export function outcomeText(item: Pick<SessionItemDto, 'outcome' | 'decidedVerdict'> & { decisionHidden?: true }, options: { ended?: boolean } = {}): string {
  if (item.decisionHidden) return HIDDEN_UNTIL_VERDICT;
  if (item.outcome === 'decided' && item.decidedVerdict) return `Decided: ${item.decidedVerdict.label}`;
  if (item.outcome === 'pending' && options.ended) return 'Not reached';
  return OUTCOME_LABELS[item.outcome];
}

/** "1 h 5 min", "12 min", "under a minute". */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export const textareaClass = 'w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500';
export const cardClass = 'rounded-lg border border-[var(--color-line)] bg-white p-3';
