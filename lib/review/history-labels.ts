import { isStatus, statusLabel } from '@/lib/domain/status-labels';

/**
 * What the claim timeline calls an audited field and how it shows a value ("Verdict: True → False",
 * never "verdictId: 3f2a…"). Pure; verdict labels come in through `verdictLabel`.
 * history-diff.ts builds its sentences from the same names.
 */

/** Labels as a heading or the change list shows them (sentence case). */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  claimText: 'Claim statement',
  claimant: 'Claimant',
  claimDate: 'Claim date',
  claimAppearance: 'Where the claim appeared',
  verdictId: 'Verdict',
  rationale: 'Rationale',
  status: 'Status',
  exclusionReason: 'Excluded',
  /** The claim's words in the article (PUT /api/claims/:id/anchor), parts joined by " … ". */
  quote: 'Quote',
  anchorState: 'Anchoring',
  title: 'Title',
  url: 'URL',
  /** Article details (PATCH /api/articles/:id, db/queries/article-metadata.ts). */
  outlet: 'Outlet',
  byline: 'Byline',
  publishedOn: 'Publication date',
  language: 'Language',
  sourceCredit: 'Source credit',
  publisher: 'Publisher',
  excerpt: 'Quoted passage',
  excerptPrefix: 'Words before the passage',
  excerptSuffix: 'Words after the passage',
  accessedOn: 'Access date',
  body: 'Comment',
  reason: 'Reason',
  blindReview: 'Blind review',
  plainText: 'Text',
  slug: 'Public address',
  isPublic: 'Public note',
  contactedOn: 'Contact date',
  method: 'Contact method',
  contact: 'Contact',
  response: 'Response',
  respondedOn: 'Response date',
  showPublicly: 'Shown publicly',
  assigneeName: 'Assignee',
  role: 'Role',
  /** Where a reused verdict came from (db/queries/claim-links.ts). */
  basedOn: 'Based on',
};

/**
 * Fields never worth showing a reader: ids, positions, denormalised copies of the quote and
 * bookkeeping (the `quote` entry says what the words became).
 */
export const SILENT_HISTORY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'articleId',
  'claimId',
  'createdAt',
  'updatedAt',
  'version',
  'authorId',
  'createdBy',
  'userId',
  'assigneeId',
  'position',
  'revision',
  'quoteExact',
  'quotePrefix',
  'quoteSuffix',
  'positionStart',
  'positionEnd',
  'partsJson',
  'parts',
  'anchoredRevision',
  'originalQuote',
  'deletedAt',
  'docJson',
  'number',
  'firstPublishedAt',
  'claimCounter',
  'mentions',
]);

const ANCHOR_STATE_LABELS: Readonly<Record<string, string>> = { anchored: 'Anchored', partial: 'Partly orphaned', orphaned: 'Orphaned' };

/** Words that stay in capitals when a field name is humanised. */
const ACRONYMS = new Set(['url', 'id', 'pdf', 'html', 'json', 'api', 'ui']);

/**
 * A readable name for a field nobody labelled: "reviewDueOn" → "Review due on",
 * "exclusion_reason" → "Exclusion reason", "sourceURL" → "Source URL". A trailing "Id" is dropped
 * ("ownerId" → "Owner"). Anything that is not a usable name → "Field".
 */
export function humanizeFieldName(field: unknown): string {
  if (typeof field !== 'string') return 'Field';
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.\-]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length > 1 && words.at(-1)!.toLowerCase() === 'id') words.pop();
  if (words.length === 0) return 'Field';
  const shown = words.map((w, i) => {
    const lower = w.toLowerCase();
    if (ACRONYMS.has(lower)) return lower.toUpperCase();
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return shown.join(' ');
}

/** The label of a field as the change list shows it: "Verdict", "Claim statement", else humanised. */
export function historyFieldLabel(field: string): string {
  return Object.hasOwn(HISTORY_FIELD_LABELS, field) ? HISTORY_FIELD_LABELS[field]! : humanizeFieldName(field);
}

/** The same label inside a sentence: "the claim statement", "the URL". */
export function historyFieldInSentence(field: string): string {
  const label = historyFieldLabel(field);
  const first = label.split(' ')[0]!;
  // Keep acronyms ("URL") as they are.
  return first.length > 1 && first === first.toUpperCase() ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** True for fields the change list leaves out. */
export function isSilentHistoryField(field: string): boolean {
  return SILENT_HISTORY_FIELDS.has(field);
}

export interface HistoryValueContext {
  /** Label of a rating level id, e.g. "False"; undefined when the level is unknown (removed). */
  verdictLabel?: (verdictId: string) => string | undefined;
}

/** Longest text shown for one value; longer ones end in "…". */
export const HISTORY_VALUE_MAX_CHARS = 160;

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > HISTORY_VALUE_MAX_CHARS ? `${chars.slice(0, HISTORY_VALUE_MAX_CHARS - 1).join('')}…` : text;
}

/**
 * One before/after value as the change list shows it: verdicts and statuses by label, yes/no for
 * flags, "—" for nothing, long text shortened.
 */
export function formatHistoryValue(field: string, value: unknown, ctx: HistoryValueContext = {}): string {
  if (field === 'exclusionReason') {
    if (value === null || value === undefined || value === '') return 'No';
    return typeof value === 'string' ? `Yes: ${shorten(value)}` : 'Yes';
  }
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'verdictId' && typeof value === 'string') return ctx.verdictLabel?.(value) ?? 'Unknown verdict';
  if (field === 'status' && isStatus(value)) return statusLabel(value);
  if (field === 'anchorState' && typeof value === 'string' && Object.hasOwn(ANCHOR_STATE_LABELS, value)) return ANCHOR_STATE_LABELS[value]!;
  if (field === 'method' && typeof value === 'string') return value.replace(/_/g, ' ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.length ? shorten(value.join(', ')) : '—';
  return shorten(JSON.stringify(value) ?? String(value));
}

/** The rows of an update's change list: labelled, silent fields left out. */
export function labelledChanges(changes: readonly { field: string; before: unknown; after: unknown }[], ctx: HistoryValueContext = {}): Array<{ field: string; label: string; before: string; after: string }> {
  if (!Array.isArray(changes)) return [];
  return changes
    .filter((c) => c && typeof c.field === 'string' && !isSilentHistoryField(c.field))
    .map((c) => ({ field: c.field, label: historyFieldLabel(c.field), before: formatHistoryValue(c.field, c.before, ctx), after: formatHistoryValue(c.field, c.after, ctx) }));
}

/** The history entry type a review session writes on a claim when an item is decided, deferred or dropped. */
export const REVIEW_SESSION_ENTITY = 'review_session';

export type ReviewSessionHistoryOutcome = 'decided' | 'deferred' | 'dropped';

/**
 * What a 'review_session' history entry's `after` says: { sessionId, sessionStartedAt: ISO,
 * outcome?, verdictLabel?, note? }. The outcome, label and note are missing when the timeline
 * withheld them (blind review, an open vote): then only "discussed" is left.
 */
export function readReviewSessionEntry(after: unknown): { startedAt: string | null; outcome: ReviewSessionHistoryOutcome | null; verdictLabel: string | null; note: string | null } {
  const record = typeof after === 'object' && after !== null && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const str = (key: string) => (typeof record[key] === 'string' && (record[key] as string).trim() !== '' ? (record[key] as string).trim() : null);
  const outcome = record.outcome === 'decided' || record.outcome === 'deferred' || record.outcome === 'dropped' ? record.outcome : null;
  return { startedAt: str('sessionStartedAt'), outcome, verdictLabel: outcome === 'decided' ? str('verdictLabel') : null, note: outcome ? str('note') : null };
}

const sessionDayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "25 Nov" in `timeZone` (undefined: the runtime's zone, which only the browser may use after hydration). */
function sessionDay(iso: string | null, timeZone: string | undefined): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const key = timeZone ?? '';
  let f = sessionDayFormatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone });
    } catch {
      return null; // an unknown zone: say "a review session" rather than fail the timeline
    }
    sessionDayFormatters.set(key, f);
  }
  return f.format(date);
}

/**
 * The timeline's line for a 'review_session' entry: "Decided in the review session of 25 Nov: False",
 * "Deferred in the review session of 25 Nov: <note>", "Dropped from the review session of 25 Nov",
 * or "Discussed in the review session of 25 Nov" when the outcome was withheld. Notes are shortened.
 */
export function reviewSessionHistoryLabel(after: unknown, opts: { timeZone?: string } = {}): string {
  const { outcome, session, detail } = sessionParts(after, opts.timeZone);
  switch (outcome) {
    case 'decided':
      return `Decided in ${session}${detail}`;
    case 'deferred':
      return `Deferred in ${session}${detail}`;
    case 'dropped':
      return `Dropped from ${session}${detail}`;
    default:
      return `Discussed in ${session}`;
  }
}

/**
 * The same entry as a predicate after the actor's name (history-diff.ts describeHistoryEntry, the
 * server's `summary`): "set the final verdict in the review session of 25 Nov: False", "deferred
 * the claim in …: <note>", "dropped the claim from …", "discussed the claim in …".
 */
export function reviewSessionHistoryPredicate(after: unknown, opts: { timeZone?: string } = {}): string {
  const { outcome, session, detail } = sessionParts(after, opts.timeZone);
  switch (outcome) {
    case 'decided':
      return `set the final verdict in ${session}${detail}`;
    case 'deferred':
      return `deferred the claim in ${session}${detail}`;
    case 'dropped':
      return `dropped the claim from ${session}${detail}`;
    default:
      return `discussed the claim in ${session}`;
  }
}

function sessionParts(after: unknown, timeZone: string | undefined): { outcome: ReviewSessionHistoryOutcome | null; session: string; detail: string } {
  const { startedAt, outcome, verdictLabel, note } = readReviewSessionEntry(after);
  const day = sessionDay(startedAt, timeZone);
  const text = outcome === 'decided' ? verdictLabel : note;
  return { outcome, session: day ? `the review session of ${day}` : 'a review session', detail: text ? `: ${shorten(text.replace(/\s+/g, ' '))}` : '' };
}
