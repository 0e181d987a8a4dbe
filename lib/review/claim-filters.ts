import type { ClaimStatus } from '@/lib/domain/statuses';

/**
 * The claim panel's filters. Under blind review a claim whose decision is hidden from the viewer
 * has no known verdict or status, so it matches only "all" and "hidden" — never "pending" or a
 * status, which would let the filter reveal what the panel hides.
 */

/** 'all', 'pending' (no final verdict), 'hidden' (blind review), or a rating level id. */
export type VerdictFilter = string;
export type StatusFilter = 'all' | ClaimStatus | 'orphaned' | 'hidden';

export interface FilterableClaim {
  verdictId: string | null;
  status: ClaimStatus | null;
  /** Blind review withholds verdict, rationale and status from this viewer. */
  verdictHidden: boolean;
}

export function matchesVerdictFilter(claim: FilterableClaim, filter: VerdictFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'hidden') return claim.verdictHidden;
  if (claim.verdictHidden) return false;
  if (filter === 'pending') return claim.verdictId === null;
  return claim.verdictId === filter;
}

export function matchesStatusFilter(claim: FilterableClaim, anchored: boolean, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'orphaned') return !anchored;
  if (filter === 'hidden') return claim.verdictHidden;
  return !claim.verdictHidden && claim.status === filter;
}

export function matchesClaimFilters(claim: FilterableClaim, anchored: boolean, filters: { verdict: VerdictFilter; status: StatusFilter }): boolean {
  return matchesVerdictFilter(claim, filters.verdict) && matchesStatusFilter(claim, anchored, filters.status);
}
