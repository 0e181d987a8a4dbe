import type { ArticleStatus, ClaimStatus } from '@/lib/domain/statuses';
import type { Role } from '@/lib/domain/roles';
import { statusInSentence } from '@/lib/domain/status-labels';
import { can, type Action } from '@/lib/auth/permissions';

/**
 * Review workflow rules: which status changes exist, and which permission each needs.
 *
 * Who may move an article is not decided here but in lib/auth/permissions.ts: each transition
 * names an action ('article:status'), so the role table stays the single source of truth. Today
 * it is editor-level, which gives:
 *   - viewers and reviewers: no article status changes. Reviewers work *inside* an article that
 *     an editor has put in review (and assigned); letting them submit drafts would let anyone
 *     start a review round nobody planned.
 *   - editors and owners: every transition below.
 * Publishing, reopening for correction and retracting are not status changes here: they go through
 * the Publish dialog (POST /api/articles/:id/publication, db/queries/publications.ts), which checks
 * the publish gate, records a publication step and a snapshot. Publishing starts from "ready", so
 * steps still cannot be skipped.
 */

export type TransitionResult = { ok: true } | { ok: false; reason: string; code: 'forbidden' | 'invalid' };

interface Transition<S extends string> {
  from: S;
  to: S;
  /** Verb for messages and UI buttons. */
  label: string;
  action: Action;
}

export const ARTICLE_TRANSITIONS: ReadonlyArray<Transition<ArticleStatus>> = [
  { from: 'draft', to: 'in_review', label: 'Start review', action: 'article:status' },
  { from: 'in_review', to: 'draft', label: 'Back to draft', action: 'article:status' },
  { from: 'in_review', to: 'ready', label: 'Mark ready', action: 'article:status' },
  { from: 'ready', to: 'in_review', label: 'Back to review', action: 'article:status' },
];

/** The status route never sets `published` or `retracted` (whatever the current status): why. */
export function publicationTargetMessage(to: ArticleStatus): string | null {
  if (to === 'published') return 'Publish from the Publish dialog: it lists what blocks publishing and shows a preview first.';
  if (to === 'retracted') return 'Retract a published fact-check from the Publish dialog (owners only).';
  return null;
}

/**
 * Why the status route does not take an article to or from `published` / `retracted`: those steps
 * belong to the Publish dialog (publish from ready, reopen for correction, retract). Null for
 * ordinary workflow steps.
 */
export function publicationStepMessage(from: ArticleStatus, to: ArticleStatus): string | null {
  const target = publicationTargetMessage(to);
  if (target) return target;
  if (from === 'published') return 'This article is published. To change it, use “Reopen for correction” in the Publish dialog.';
  if (from === 'retracted') return 'This fact-check was retracted; its status can no longer change.';
  return null;
}

/** Claims: open → in review → resolved, with a step back from review and a reopen from resolved. */
export const CLAIM_TRANSITIONS: ReadonlyArray<Transition<ClaimStatus>> = [
  { from: 'open', to: 'in_review', label: 'Start review', action: 'claim:update' },
  { from: 'in_review', to: 'open', label: 'Back to open', action: 'claim:update' },
  { from: 'in_review', to: 'resolved', label: 'Resolve', action: 'claim:update' },
  { from: 'resolved', to: 'open', label: 'Reopen', action: 'claim:update' },
];

function check<S extends ArticleStatus | ClaimStatus>(table: ReadonlyArray<Transition<S>>, what: string, role: Role | null | undefined, from: S, to: S): TransitionResult {
  if (from === to) return { ok: false, code: 'invalid', reason: `The ${what} is already ${statusInSentence(from)}.` };
  const transition = table.find((t) => t.from === from && t.to === to);
  if (!transition) {
    const next = table.filter((t) => t.from === from).map((t) => statusInSentence(t.to));
    const options = next.length ? ` From ${statusInSentence(from)} it can go to: ${next.join(' or ')}.` : '';
    return { ok: false, code: 'invalid', reason: `This ${what} cannot go from ${statusInSentence(from)} to ${statusInSentence(to)}.${options}` };
  }
  if (!can(role, transition.action)) {
    const who = role ? `Your role (${role})` : 'You';
    return { ok: false, code: 'forbidden', reason: `${who} cannot move this ${what} from ${statusInSentence(from)} to ${statusInSentence(to)} (${transition.label.toLowerCase()}).` };
  }
  return { ok: true };
}

export function canTransitionArticle(role: Role | null | undefined, from: ArticleStatus, to: ArticleStatus): TransitionResult {
  const publication = from === to ? null : publicationStepMessage(from, to);
  if (publication) return { ok: false, code: 'invalid', reason: publication };
  return check(ARTICLE_TRANSITIONS, 'article', role, from, to);
}

export function canTransitionClaim(role: Role | null | undefined, from: ClaimStatus, to: ClaimStatus): TransitionResult {
  return check(CLAIM_TRANSITIONS, 'claim', role, from, to);
}

/** The transitions a role may take from a status: what the UI offers as buttons. */
export function availableArticleTransitions(role: Role | null | undefined, from: ArticleStatus): Array<{ to: ArticleStatus; label: string }> {
  return ARTICLE_TRANSITIONS.filter((t) => t.from === from && can(role, t.action)).map(({ to, label }) => ({ to, label }));
}

export function availableClaimTransitions(role: Role | null | undefined, from: ClaimStatus): Array<{ to: ClaimStatus; label: string }> {
  return CLAIM_TRANSITIONS.filter((t) => t.from === from && can(role, t.action)).map(({ to, label }) => ({ to, label }));
}
