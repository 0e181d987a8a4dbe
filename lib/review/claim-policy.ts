import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';
import type { ClaimStatus } from '@/lib/domain/statuses';
import { canTransitionClaim } from './workflow';

/** The answer to "may this change go ahead?": refusals carry the error code and the message users see. */
export type PolicyDecision = { ok: true } | { ok: false; code: 'forbidden' | 'unprocessable'; reason: string };

const ALLOWED: PolicyDecision = { ok: true };

/** The fields of a claim update the rules look at (the rest any role allowed `claim:update` may change). */
export interface ClaimChange {
  status?: ClaimStatus;
  rationale?: string;
  verdictId?: string | null;
  exclusionReason?: string | null;
}

/** A change to the rationale or status needs the claim's decision to be visible to the viewer (blind review). */
export const touchesClaimDecision = (change: ClaimChange): boolean => change.status !== undefined || change.rationale !== undefined;

/**
 * Whether a member who may update claims (`claim:update`) may make this change. In order:
 * under blind review rationale and status stay hidden, so unwritable, until the viewer gives their
 * own verdict — or while a vote is open on the claim (`voteOpen`: the message says so) — (checked
 * first, since the transition messages name the current status); a status
 * change must be a transition the role may take; only editors set the final verdict (reviewers
 * record their own verdicts instead).
 */
export function checkClaimUpdate(role: Role, currentStatus: ClaimStatus, change: ClaimChange, canSeeDecision: boolean, voteOpen = false): PolicyDecision {
  if (touchesClaimDecision(change) && !canSeeDecision) {
    // The decision is hidden either by a vote open on the claim in a review session, or by blind review: say which.
    if (voteOpen) return { ok: false, code: 'forbidden', reason: 'A vote is open on this claim in the review session: the rationale and status stay hidden until the lead reveals the vote.' };
    return { ok: false, code: 'forbidden', reason: 'Under blind review the rationale and status stay hidden until you give your own verdict (Verdicts tab).' };
  }
  if (change.status !== undefined && change.status !== currentStatus) {
    const transition = canTransitionClaim(role, currentStatus, change.status);
    if (!transition.ok) return { ok: false, code: transition.code === 'forbidden' ? 'forbidden' : 'unprocessable', reason: transition.reason };
  }
  if (change.verdictId !== undefined && !can(role, 'verdict:final')) {
    return { ok: false, code: 'forbidden', reason: 'Only editors set the final verdict. Record your own verdict under “Reviewer verdicts”.' };
  }
  // Leaving a claim out of the published fact-check is an editorial decision, like the final verdict.
  if (change.exclusionReason !== undefined && !can(role, 'verdict:final')) {
    return { ok: false, code: 'forbidden', reason: 'Only editors can exclude a claim from the fact-check or include it again.' };
  }
  return ALLOWED;
}

/** Reviewers delete their own claims; editors and owners any claim. */
export function checkClaimDelete(role: Role, isAuthor: boolean): PolicyDecision {
  if (!isAuthor && !can(role, 'article:edit')) return { ok: false, code: 'forbidden', reason: 'Only the claim’s author or an editor can delete it.' };
  return ALLOWED;
}
