// The agenda a review session proposes, and the lead's reordering of it. Pure: the proposal route
// loads the candidates (claims of the article with their reviewer verdicts and unread comments).
import { AppError } from '@/lib/errors';
import { percentAgreement } from '@/lib/review/agreement';
import { MAX_AGENDA_ITEMS, type AgendaProposalItem } from '@/lib/domain/review-sessions';

export interface AgendaCandidate {
  claimId: string;
  claimNumber: number | null;
  quote: string;
  /** Where the claim starts in the article text (text order). */
  positionStart: number;
  hasFinalVerdict: boolean;
  /** Excluded claims (not to be checked) never go on the agenda. */
  excluded: boolean;
  /** The rating level key of every reviewer verdict on the claim. */
  reviewerVerdictKeys: string[];
  /** Comments on the claim the proposing user has not read. */
  unreadComments: number;
}

/** Text order; claim number then id break ties so the result never depends on the input order. */
function byTextOrder(a: AgendaCandidate, b: AgendaCandidate): number {
  return (
    a.positionStart - b.positionStart ||
    (a.claimNumber ?? Number.MAX_SAFE_INTEGER) - (b.claimNumber ?? Number.MAX_SAFE_INTEGER) ||
    (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0)
  );
}

/**
 * Proposes the agenda: only claims without a final verdict that are not excluded, in three groups:
 *   1. two or more reviewer verdicts that disagree, lowest agreement first;
 *   2. unread discussion (unreadComments > 0), most unread first;
 *   3. every other claim without a final verdict, in text order.
 * Ties within a group fall back to text order. At most `limit` items (default MAX_AGENDA_ITEMS).
 */
export function proposeAgenda(candidates: AgendaCandidate[], limit: number = MAX_AGENDA_ITEMS): AgendaProposalItem[] {
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : MAX_AGENDA_ITEMS;
  const disagreement: Array<{ c: AgendaCandidate; agreement: number }> = [];
  const unread: AgendaCandidate[] = [];
  const rest: AgendaCandidate[] = [];
  for (const c of candidates) {
    if (c.hasFinalVerdict || c.excluded) continue;
    const agreement = c.reviewerVerdictKeys.length >= 2 ? percentAgreement([c.reviewerVerdictKeys]) : null;
    if (agreement !== null && agreement < 1) disagreement.push({ c, agreement });
    else if (c.unreadComments > 0) unread.push(c);
    else rest.push(c);
  }
  disagreement.sort((a, b) => a.agreement - b.agreement || byTextOrder(a.c, b.c));
  unread.sort((a, b) => b.unreadComments - a.unreadComments || byTextOrder(a, b));
  rest.sort(byTextOrder);

  const item = (c: AgendaCandidate, reason: AgendaProposalItem['reason'], agreement: number | null): AgendaProposalItem => ({
    claimId: c.claimId,
    claimNumber: c.claimNumber,
    quote: c.quote,
    reason,
    agreement,
    verdictCount: c.reviewerVerdictKeys.length,
    unreadComments: Math.max(0, c.unreadComments),
  });
  return [
    ...disagreement.map(({ c, agreement }) => item(c, 'disagreement', agreement)),
    ...unread.map((c) => item(c, 'unread_discussion', null)),
    ...rest.map((c) => item(c, 'no_final_verdict', null)),
  ].slice(0, max);
}

/**
 * The lead's new order for the open items. `requestedIds` must be a permutation of `currentIds`
 * (every id once, nothing else); returns it as a new array. Throws AppError('unprocessable') otherwise.
 */
export function reorderItems(currentIds: readonly string[], requestedIds: readonly string[]): string[] {
  const current = new Set(currentIds);
  const seen = new Set<string>();
  for (const id of requestedIds) {
    if (!current.has(id)) throw new AppError('unprocessable', 'The new order names an item that is not open on this agenda. Reload the session and try again.');
    if (seen.has(id)) throw new AppError('unprocessable', 'The new order lists an item twice.');
    seen.add(id);
  }
  if (seen.size !== current.size || requestedIds.length !== currentIds.length) {
    throw new AppError('unprocessable', 'The new order must list every open item of the agenda exactly once. Reload the session and try again.');
  }
  return [...requestedIds];
}
