/**
 * What each audience of a report sees, shared by every renderer so HTML, Markdown, CSV and the
 * publication formats agree. Internal reports (the desk's own: html, pdf, md, csv, json) show
 * everything, internal sources marked as such. Public reports (published pages, ClaimReview, W3C)
 * show only what is meant for readers — and filter again here even though the public view model
 * (lib/publishing/public-view.ts) has already dropped the rest, so a renderer can never leak it.
 */
import { isExcluded as isExcludedFromGate } from '@/lib/publishing/gate';
import { formatDate } from './format';
import type { ReportClaim, ReportComment, ReportCorrection, ReportPublication, ReportReplyAttempt, ReportSource, ReportViewModel } from './view-model';

export const EXCLUDED_HEADING = 'Not part of the fact-check';
export const EXCLUDED_NOTE = 'These claims were marked in the article but left out of the fact-check. They are not counted in the summary.';
export const INTERNAL_SOURCE_LABEL = 'Internal';
export const PUBLIC_SOURCE_LABEL = 'Public';
export const RIGHT_OF_REPLY_HEADING = 'Right of reply';
export const NO_RESPONSE = 'No response';
export const DESK_NOTE_HEADING = 'Note from the desk';

type Audience = Pick<ReportViewModel, 'audience'>;

export function isPublicReport(vm: Audience): boolean {
  return vm.audience === 'public';
}

/** Excluded from the fact-check: a (non-blank) exclusion reason is set. The publish gate reads the same rule. */
export const isExcluded: (claim: Pick<ReportClaim, 'exclusionReason'>) => boolean = isExcludedFromGate;

/** The claims the fact-check is about (text order); excluded ones are listed apart. */
export function includedClaims(vm: Pick<ReportViewModel, 'claims'>): ReportClaim[] {
  return vm.claims.filter((c) => !isExcluded(c));
}

/** Claims left out of the fact-check. Public reports never show them. */
export function excludedClaims(vm: Pick<ReportViewModel, 'claims' | 'audience'>): ReportClaim[] {
  return isPublicReport(vm) ? [] : vm.claims.filter(isExcluded);
}

/** The claims a report shows at all: every claim internally, the included ones publicly. */
export function shownClaims(vm: Pick<ReportViewModel, 'claims' | 'audience'>): ReportClaim[] {
  return isPublicReport(vm) ? includedClaims(vm) : vm.claims;
}

/** Public reports: public sources only. Internal reports: all of them (renderers mark the internal ones). */
export function visibleSources(vm: Audience, claim: Pick<ReportClaim, 'sources'>): ReportSource[] {
  return isPublicReport(vm) ? claim.sources.filter((s) => s.isPublic) : claim.sources;
}

/** Public reports: the attempts shown publicly, without who was contacted. Internal: all. */
export function visibleReplies(vm: Audience, claim: Pick<ReportClaim, 'replies'>): ReportReplyAttempt[] {
  return isPublicReport(vm) ? claim.replies.filter((r) => r.showPublicly).map((r) => ({ ...r, contact: '' })) : claim.replies;
}

/** Public comments that still have text: the desk's notes to readers (on public pages, and in internal reports to show what will be published). */
export function deskNotes(claim: Pick<ReportClaim, 'comments'>): ReportComment[] {
  return claim.comments.filter((c) => c.isPublic && c.deleted === null && c.body.trim() !== '');
}

/** Reviewers' own verdicts: internal reports only. */
export function showsReviewers(vm: Audience): boolean {
  return !isPublicReport(vm);
}

/** "Correction, 10 March 2024: note" */
export function correctionLine(correction: ReportCorrection): string {
  return `Correction, ${formatDate(correction.at)}: ${correction.note}`;
}

/** "Retracted on 12 March 2024." (the reason follows on its own). */
export function retractionHeadline(retraction: NonNullable<ReportPublication['retraction']>): string {
  return `This fact-check was retracted on ${formatDate(retraction.at)}.`;
}

/** One right-of-reply attempt in words: when, how, and the response or "No response" (with when it came). */
export function replySummary(reply: ReportReplyAttempt): { when: string; how: string; response: string; respondedOn: string } {
  const answered = reply.response !== null && reply.response.trim() !== '';
  return {
    when: formatDate(reply.contactedOn),
    how: reply.methodLabel.trim() || reply.method,
    response: answered ? (reply.response ?? '') : NO_RESPONSE,
    respondedOn: answered && reply.respondedOn ? formatDate(reply.respondedOn) : '',
  };
}
