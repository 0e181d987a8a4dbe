import type { ClaimDto } from '@/components/workbench/types';
import { isFullClaim, type ClaimRow } from '@/lib/editor/claim-rows';

export interface ClaimDraft {
  claimText: string;
  claimant: string;
  claimDate: string;
  claimAppearance: string;
  verdictId: string | null;
  rationale: string;
  status: ClaimDto['status'];
}

/** The editable fields of a claim as form values (empty strings for unset dates and places). */
export function draftOf(claim: ClaimDto): ClaimDraft {
  return {
    claimText: claim.claimText,
    claimant: claim.claimant,
    claimDate: claim.claimDate ?? '',
    claimAppearance: claim.claimAppearance ?? '',
    verdictId: claim.verdictId,
    rationale: claim.rationale,
    status: claim.status,
  };
}

/** True when the kept edits differ from the claim as it is now. */
export function hasUnsavedEdits(claim: ClaimDto, state: { edits: Partial<ClaimDraft> } | undefined): boolean {
  if (!state) return false;
  const base = draftOf(claim);
  return (Object.keys(state.edits) as Array<keyof ClaimDraft>).some((k) => state.edits[k] !== base[k]);
}

/**
 * The same for a list row: compared field by field when the claim is held in full; a row (its
 * texts shortened) counts any kept edit, which is only there if the claim was opened here.
 */
export function rowHasUnsavedEdits(claim: ClaimRow, state: { edits: Partial<ClaimDraft> } | undefined): boolean {
  if (!state) return false;
  if (isFullClaim(claim)) return hasUnsavedEdits(claim, state);
  return Object.keys(state.edits).length > 0;
}
