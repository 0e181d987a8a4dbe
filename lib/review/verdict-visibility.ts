import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';

/**
 * Who sees what of a claim's verdicts. Two questions, asked per claim:
 *
 * - `canSeeOthersVerdicts`: may this viewer see other reviewers' own verdicts on the claim (their
 *   levels, their reasons, the counts by level, the claim's agreement)?
 * - `canSeeDecision`: may this viewer see the claim's decision (final verdict, rationale, status,
 *   where a reused verdict came from)?
 *
 * Blind review: with it on, you see others' verdicts and the decision only once you have given
 * yours, unless you are the one who sets the final verdict (editor, owner).
 *
 * A called vote (an agenda item of a RUNNING review session whose vote is `open`) is stricter and
 * holds whatever the blind-review setting: on that claim nobody sees anyone else's verdict, editors
 * and owners included, until the lead reveals; the decision stays visible only to those who set the
 * final verdict, even to a reviewer who has voted. Your own verdict is always yours to see.
 * After the reveal (or once the session ended) `voteOpen` is false and blind review alone applies.
 */
/** What the history, lists and exports say in place of what an open vote hides (cf. HIDDEN_UNTIL_VERDICT). */
export const HIDDEN_UNTIL_REVEAL = 'Hidden until the vote is revealed';

export interface VisibilityOptions {
  /** The claim is an agenda item whose vote is open in a running review session. */
  voteOpen?: boolean;
}

/** May this viewer see other reviewers' verdicts (and reasons, counts by level, agreement) on the claim? */
export function canSeeOthersVerdicts(role: Role | null, blindReview: boolean, hasOwnVerdict: boolean, options: VisibilityOptions = {}): boolean {
  if (options.voteOpen) return false;
  return !blindReview || hasOwnVerdict || can(role, 'verdict:final');
}

/** May this viewer see the claim's decision (final verdict, rationale, status, basedOn)? */
export function canSeeDecision(role: Role | null, blindReview: boolean, hasOwnVerdict: boolean, options: VisibilityOptions = {}): boolean {
  if (can(role, 'verdict:final')) return true;
  if (options.voteOpen) return false;
  return !blindReview || hasOwnVerdict;
}
