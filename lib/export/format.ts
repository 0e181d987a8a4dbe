/**
 * Human-readable labels and dates for the reports. Deterministic (dates in REPORT_TIME_ZONE, see
 * lib/format/dates.ts), so the same view model always renders the same bytes.
 */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import { REPORT_TIME_ZONE, formatDay, formatDayTime, isoDayIn, parseInstant } from '@/lib/format/dates';
import type { ReportClaim } from './view-model';

/** "5 March 2024" for an ISO date or datetime (in the report's zone); the input itself if it cannot be parsed. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  return formatDay(iso, REPORT_TIME_ZONE) ?? iso;
}

/** "5 March 2024, 14:05 UTC". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  return formatDayTime(iso, REPORT_TIME_ZONE) ?? iso;
}

/** YYYY-MM-DD (in the report's zone) for an ISO date or datetime, or null. */
export function isoDay(iso: string | null): string | null {
  return iso ? isoDayIn(iso, REPORT_TIME_ZONE) : null;
}

/** xsd:dateTime in UTC with a 'Z' designator (milliseconds dropped when zero), or null. */
export function isoDateTimeUtc(iso: string | null): string | null {
  const date = iso ? parseInstant(iso) : null;
  return date ? date.toISOString().replace('.000Z', 'Z') : null;
}

/** The claim's status, or the blind-review notice when the exporting reviewer may not see it yet. */
export function claimStatusLabel(claim: Pick<ReportClaim, 'status'>): string {
  return claim.status === null ? HIDDEN_UNTIL_VERDICT : CLAIM_STATUS_LABELS[claim.status];
}

/** The final verdict's label: Pending, or the blind-review notice. */
export function finalVerdictLabel(claim: Pick<ReportClaim, 'finalVerdict' | 'decisionHidden'>): string {
  if (claim.decisionHidden) return HIDDEN_UNTIL_VERDICT;
  return claim.finalVerdict?.label ?? PENDING_LABEL;
}

export const PENDING_LABEL = 'Pending';

export const ORPHANED_NOTE = 'Text no longer in the article: the quoted words were removed or changed in a later revision.';

/** The organisation credited with the fact-check. */
export function checkerName(workspace: { name: string; organizationName: string }): string {
  return workspace.organizationName.trim() || workspace.name.trim();
}
