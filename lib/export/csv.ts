/**
 * The CSV report: one row per claim, RFC 4180 (CRLF, quoted fields, "" doubling), with cells
 * neutralised against spreadsheet formula injection.
 */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { finalVerdictLabel } from './format';
import type { ReportClaim, ReportViewModel } from './view-model';

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
  'reviewers',
  'orphaned',
  'created_at',
  'updated_at',
] as const;

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark so Excel reads non-Latin text (Persian, emoji) correctly. Default true. */
  bom?: boolean;
}

export function renderCsvReport(vm: ReportViewModel, options: CsvOptions = {}): string {
  const rows = [[...CSV_COLUMNS], ...vm.claims.map(claimRow)];
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

function claimRow(claim: ReportClaim): string[] {
  return [
    String(claim.number),
    claim.id,
    claim.quote.exact,
    claim.claimText,
    claim.claimant,
    claim.claimDate ?? '',
    claim.claimAppearance ?? '',
    finalVerdictLabel(claim),
    claim.finalVerdict && claim.finalVerdict.value !== null ? String(claim.finalVerdict.value) : '',
    claim.status ?? HIDDEN_UNTIL_VERDICT,
    claim.rationale,
    claim.sources.map((s) => s.url).join(' | '),
    claim.reviewers.map((r) => `${r.reviewer.name}: ${r.verdict.label}`).join('; '),
    claim.orphaned ? 'yes' : 'no',
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
