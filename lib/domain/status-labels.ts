/**
 * The one place claim and article statuses get their human names: badges, filters, exports,
 * workflow messages and the claim timeline all read these.
 */
import type { ArticleStatus, ClaimStatus } from './statuses';

export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
};

export const ARTICLE_STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  ready: 'Ready',
  published: 'Published',
  retracted: 'Retracted',
};

export type AnyStatus = ClaimStatus | ArticleStatus;

const ALL_LABELS: Readonly<Record<AnyStatus, string>> = { ...ARTICLE_STATUS_LABELS, ...CLAIM_STATUS_LABELS };

/** True for any claim or article status (e.g. a status read back from an audit row's JSON). */
export function isStatus(value: unknown): value is AnyStatus {
  return typeof value === 'string' && Object.hasOwn(ALL_LABELS, value);
}

/** The label as a badge or heading shows it: "In review". */
export function statusLabel(status: AnyStatus): string {
  return ALL_LABELS[status];
}

/** The label inside a sentence: "cannot go from in review to draft". */
export function statusInSentence(status: AnyStatus): string {
  return ALL_LABELS[status].toLowerCase();
}
