import { isFullClaim, type ClaimRow } from '@/lib/editor/claim-rows';

/** Inserts the claim, or replaces the held one unless that is already newer (late responses never roll back). */
export function upsertNewer<T extends { id: string; version: number }>(claims: readonly T[], claim: T): T[] {
  if (!claims.some((c) => c.id === claim.id)) return [...claims, claim];
  return claims.map((c) => (c.id === claim.id && c.version <= claim.version ? claim : c));
}

/**
 * A freshly fetched list replacing the held one: claims deleted meanwhile stay gone, and a claim
 * held at a newer version than the list carries (an answer that was computed earlier) is kept.
 * Equal versions take the fresh copy: blind review changes what a viewer sees without a new version.
 * The list carries slim rows: a claim held in full (opened) at the same version and visibility
 * stays full, taking the fresh row's anchoring (a text save moves claims without a new version).
 */
export function mergeClaimLists<T extends ClaimRow>(held: readonly T[] | undefined, fresh: readonly T[], deleted: ReadonlySet<string>): T[] {
  const heldById = new Map((held ?? []).map((c) => [c.id, c]));
  return fresh
    .filter((c) => !deleted.has(c.id))
    .map((c) => {
      const mine = heldById.get(c.id);
      if (!mine) return c;
      if (mine.version > c.version) return mine;
      if (mine.version === c.version && isFullClaim(mine) && !isFullClaim(c) && mine.verdictHidden === c.verdictHidden) {
        return { ...mine, position: c.position, anchoredRevision: c.anchoredRevision, anchorState: c.anchorState, quote: { ...mine.quote, ...c.quote } };
      }
      return c;
    });
}
