import type { SessionMinutes } from '@/lib/domain/review-sessions';

/**
 * The minutes as one reader may see them. Minutes record each item's outcome, the revealed votes
 * and the notes — together they state the claim's decision, which blind review withholds from a
 * reviewer who has not given their own verdict (lib/review/verdict-visibility.ts). For the claims
 * in `hiddenClaimIds` all of that is removed, whatever the outcome was (so "hidden" never means
 * "decided"); the agenda position, claim number and quote stay. Action items stay: they say who
 * does what next, not what was decided.
 */
export function withholdMinutesDecisions(minutes: SessionMinutes, hiddenClaimIds: ReadonlySet<string>): SessionMinutes {
  if (hiddenClaimIds.size === 0) return minutes;
  return {
    ...minutes,
    items: minutes.items.map((item) =>
      item.claimId !== null && hiddenClaimIds.has(item.claimId)
        ? { ...item, outcome: 'pending', outcomeNote: '', decidedVerdict: null, decidedBy: null, votes: [], agreement: null, notes: [], decisionHidden: true }
        : item,
    ),
  };
}
