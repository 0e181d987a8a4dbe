import type { ClaimDto } from './types';

/** Inserts the claim, or replaces the held one unless that is already newer (late responses never roll back). */
export function upsertNewer(claims: readonly ClaimDto[], claim: ClaimDto): ClaimDto[] {
  if (!claims.some((c) => c.id === claim.id)) return [...claims, claim];
  return claims.map((c) => (c.id === claim.id && c.version <= claim.version ? claim : c));
}

/**
 * A freshly fetched list replacing the held one: claims deleted meanwhile stay gone, and a claim
 * held at a newer version than the list carries (an answer that was computed earlier) is kept.
 * Equal versions take the fresh copy: blind review changes what a viewer sees without a new version.
 */
export function mergeClaimLists(held: readonly ClaimDto[] | undefined, fresh: readonly ClaimDto[], deleted: ReadonlySet<string>): ClaimDto[] {
  const heldById = new Map((held ?? []).map((c) => [c.id, c]));
  return fresh
    .filter((c) => !deleted.has(c.id))
    .map((c) => {
      const mine = heldById.get(c.id);
      return mine && mine.version > c.version ? mine : c;
    });
}
