import type { SessionMinutes } from '@/lib/domain/review-sessions';

/**
 * The minutes as one reader may see them. Minutes record each item's outcome, the revealed votes
 * and the notes — together they state the claim's decision, which blind review withholds from a
 * reviewer who has not given their own verdict (lib/review/verdict-visibility.ts). For the claims
 * in `hiddenClaimIds` all of that is removed, whatever the outcome was (so "hidden" never means
 * "decided"); the agenda position, claim number and quote stay. Action items stay: they say who
 * does what next, not what was decided. For the claims in `hiddenVoteClaimIds` (a vote open on the
 * claim now: nobody sees the others' verdicts, lib/review/verdict-visibility.ts) only the votes and
 * their agreement are removed.
 */
export function withholdMinutesDecisions(minutes: SessionMinutes, hiddenClaimIds: ReadonlySet<string>, hiddenVoteClaimIds: ReadonlySet<string> = new Set()): SessionMinutes {
  if (hiddenClaimIds.size === 0 && hiddenVoteClaimIds.size === 0) return minutes;
  return {
    ...minutes,
    items: minutes.items.map((item) => {
      if (item.claimId === null) return item;
      if (hiddenClaimIds.has(item.claimId)) return { ...item, outcome: 'pending', outcomeNote: '', decidedVerdict: null, decidedBy: null, votes: [], agreement: null, notes: [], decisionHidden: true };
      // Only the others' verdicts are hidden (a vote is open on the claim now): the votes go, the decision stays.
      if (hiddenVoteClaimIds.has(item.claimId)) return { ...item, votes: [], agreement: null, votesHidden: true };
      return item;
    }),
  };
}
