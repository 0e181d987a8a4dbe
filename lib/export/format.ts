/**
 * Human-readable labels and dates for the reports. Deterministic (no locale or timezone
 * of the server leaks in), so the same view model always renders the same bytes.
 */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { ReportArticle, ReportClaim } from './view-model';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "5 March 2024" for an ISO date or datetime (UTC); the input itself if it cannot be parsed. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = parseIso(iso);
  if (!date) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "5 March 2024, 14:05 UTC". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = parseIso(iso);
  if (!date) return iso;
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(iso)}, ${hh}:${mm} UTC`;
}

/** YYYY-MM-DD (UTC) for an ISO date or datetime, or null. */
export function isoDay(iso: string | null): string | null {
  if (!iso) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = parseIso(iso);
  return date ? date.toISOString().slice(0, 10) : null;
}

/** xsd:dateTime in UTC with a 'Z' designator (milliseconds dropped when zero), or null. */
export function isoDateTimeUtc(iso: string | null): string | null {
  if (!iso) return null;
  const date = parseIso(iso);
  return date ? date.toISOString().replace('.000Z', 'Z') : null;
}

function parseIso(iso: string): Date | null {
  // A bare date is a calendar day; pin it to UTC so it never shifts by a day.
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso;
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const CLAIM_STATUS_LABELS: Record<NonNullable<ReportClaim['status']>, string> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
};

/** The claim's status, or the blind-review notice when the exporting reviewer may not see it yet. */
export function claimStatusLabel(claim: Pick<ReportClaim, 'status'>): string {
  return claim.status === null ? HIDDEN_UNTIL_VERDICT : CLAIM_STATUS_LABELS[claim.status];
}

/** The final verdict's label: Pending, or the blind-review notice. */
export function finalVerdictLabel(claim: Pick<ReportClaim, 'finalVerdict' | 'decisionHidden'>): string {
  if (claim.decisionHidden) return HIDDEN_UNTIL_VERDICT;
  return claim.finalVerdict?.label ?? PENDING_LABEL;
}

export const ARTICLE_STATUS_LABELS: Record<ReportArticle['status'], string> = {
  draft: 'Draft',
  in_review: 'In review',
  ready: 'Ready',
  published: 'Published',
};

export const PENDING_LABEL = 'Pending';

export const ORPHANED_NOTE = 'Text no longer in the article: the quoted words were removed or changed in a later revision.';

/** The organisation credited with the fact-check. */
export function checkerName(workspace: { name: string; organizationName: string }): string {
  return workspace.organizationName.trim() || workspace.name.trim();
}
