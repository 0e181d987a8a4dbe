/**
 * The CSV report: one row per claim, RFC 4180 (CRLF, quoted fields, "" doubling), with cells
 * neutralised against spreadsheet formula injection.
 */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { NO_RESPONSE, isPublicReport, showsReviewers, shownClaims, visibleReplies, visibleSources } from './audience';
import { claimQuote, isPartial } from './claim-parts';
import { finalVerdictLabel } from './format';
import type { ReportClaim, ReportViewModel } from './view-model';

/**
 * `number` is the claim's stable number (rows are in text order); `quote` is a multi-part claim's
 * parts joined by ' … '; `orphaned` is `yes`, `no`, or `partial` (some parts gone); `excluded_reason` is set for
 * claims left out of the fact-check; `source_visibility` lists `public`/`internal` for each URL in
 * `sources`, in the same order; `right_of_reply` lists each attempt (date, method, response).
 */
export const CSV_COLUMNS = [
  'number',
  'id',
  'quote',
  'claim',
  'claimant',
  'claim_date',
  'appearance',
  'final_verdict',
  'verdict_value',
  'status',
  'rationale',
  'sources',
  'source_visibility',
  'right_of_reply',
  'reviewers',
  'orphaned',
  'excluded_reason',
  'created_at',
  'updated_at',
] as const;

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark so Excel reads non-Latin text (Persian, emoji) correctly. Default true. */
  bom?: boolean;
}

export function renderCsvReport(vm: ReportViewModel, options: CsvOptions = {}): string {
  const rows = [[...CSV_COLUMNS], ...shownClaims(vm).map((claim) => claimRow(vm, claim))];
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

function claimRow(vm: ReportViewModel, claim: ReportClaim): string[] {
  const sources = visibleSources(vm, claim);
  const replies = visibleReplies(vm, claim).map((r) => {
    const contact = !isPublicReport(vm) && r.contact.trim() ? ` (${r.contact})` : '';
    const response = r.response !== null && r.response.trim() !== '' ? r.response : NO_RESPONSE;
    return `${r.contactedOn} ${r.methodLabel || r.method}${contact}: ${response}`;
  });
  return [
    String(claim.number),
    claim.id,
    claimQuote(claim),
    claim.claimText,
    claim.claimant,
    claim.claimDate ?? '',
    claim.claimAppearance ?? '',
    finalVerdictLabel(claim),
    claim.finalVerdict && claim.finalVerdict.value !== null ? String(claim.finalVerdict.value) : '',
    claim.status ?? HIDDEN_UNTIL_VERDICT,
    claim.rationale,
    sources.map((s) => s.url).join(' | '),
    sources.map((s) => (s.isPublic ? 'public' : 'internal')).join(' | '),
    replies.join(' | '),
    (showsReviewers(vm) ? claim.reviewers : []).map((r) => `${r.reviewer.name}: ${r.verdict.label}`).join('; '),
    claim.orphaned ? 'yes' : isPartial(claim) ? 'partial' : 'no',
    claim.exclusionReason ?? '',
    claim.createdAt,
    claim.updatedAt,
  ];
}

/** One field: formula-neutralised, then quoted if it holds a quote, comma, CR or LF. */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A formula trigger (= + - @, or their full-width forms that CJK input methods type) as the first
 * character that is not whitespace — spreadsheets skip leading spaces, tabs and line breaks
 * before deciding — or a cell starting with TAB or CR at all.
 */
const FORMULA_START = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Spreadsheets evaluate such cells (OWASP "CSV injection"), so they get a leading apostrophe.
 * Plain numbers like -2 cannot carry a formula and are left alone so numeric columns stay numeric.
 */
export function neutraliseFormula(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
