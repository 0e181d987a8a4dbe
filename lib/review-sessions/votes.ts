// What a revealed vote shows: the spread over rating levels, the agreement, and whether everyone voted.
import { percentAgreement } from '@/lib/review/agreement';
import type { SessionVoteResult, SessionVoteSpread } from '@/lib/domain/review-sessions';

/**
 * Count of votes per rating level. With `levelOrder` (the scale's level keys in order) levels follow
 * the scale and unknown keys come after; otherwise (and among unknown keys) most votes first, then
 * by label. Levels nobody chose are left out.
 */
export function voteSpread(results: SessionVoteResult[], levelOrder?: readonly string[]): SessionVoteSpread[] {
  const byKey = new Map<string, SessionVoteSpread>();
  for (const r of results) {
    const entry = byKey.get(r.verdictKey);
    if (entry) entry.count += 1;
    else byKey.set(r.verdictKey, { verdictKey: r.verdictKey, verdictLabel: r.verdictLabel, count: 1 });
  }
  const rank = new Map<string, number>((levelOrder ?? []).map((key, i) => [key, i]));
  const unranked = Number.MAX_SAFE_INTEGER;
  return [...byKey.values()].sort(
    (a, b) =>
      (rank.get(a.verdictKey) ?? unranked) - (rank.get(b.verdictKey) ?? unranked) ||
      b.count - a.count ||
      a.verdictLabel.localeCompare(b.verdictLabel) ||
      (a.verdictKey < b.verdictKey ? -1 : a.verdictKey > b.verdictKey ? 1 : 0),
  );
}

/** Share of agreeing voter pairs (0–1); null with fewer than two votes. */
export function voteAgreement(results: SessionVoteResult[]): number | null {
  if (results.length < 2) return null;
  return percentAgreement([results.map((r) => r.verdictKey)]);
}

/** True when every eligible voter has voted; false when nobody is eligible (nothing to auto-reveal). */
export function everyoneVoted(eligibleVoterIds: readonly string[], votedIds: ReadonlySet<string>): boolean {
  if (eligibleVoterIds.length === 0) return false;
  return eligibleVoterIds.every((id) => votedIds.has(id));
}

/** A joined participant, as far as voting goes. */
export interface VoteParticipant {
  userId: string;
  /** The role records reviewer verdicts (verdict:own). */
  mayVote: boolean;
}

/**
 * Who must vote before a called vote reveals itself: every joined participant who may vote and is
 * present (`presentUserIds`; null: everyone joined counts) — except the current lead. The lead
 * decides and the reviewers vote: editors hold verdict:own too, so counting the lead would keep the
 * automatic reveal from firing unless the lead voted. A lead who did vote in this vote counts (their
 * vote is one of the spread). Order follows `participants`, each id once.
 */
export function eligibleVoterIds(participants: readonly VoteParticipant[], leadId: string | null, votedIds: ReadonlySet<string>, presentUserIds: ReadonlySet<string> | null): string[] {
  const ids: string[] = [];
  for (const p of participants) {
    if (!p.mayVote || ids.includes(p.userId)) continue;
    if (presentUserIds !== null && !presentUserIds.has(p.userId)) continue;
    if (p.userId === leadId && !votedIds.has(p.userId)) continue;
    ids.push(p.userId);
  }
  return ids;
}

/**
 * Whether a verdict counts as a vote in the vote called at `voteCalledAt`: only a verdict written,
 * or saved again unchanged, at or after the call (its updated_at). A verdict given before the vote
 * was called is not a vote — on a disagreement item everyone has one already.
 */
export function countsAsVote(verdictUpdatedAt: Date, voteCalledAt: Date | null): boolean {
  return voteCalledAt === null || verdictUpdatedAt.getTime() >= voteCalledAt.getTime();
}
