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
