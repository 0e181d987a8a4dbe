import { isStatus, statusInSentence } from '@/lib/domain/status-labels';
import { REPORT_TIME_ZONE } from '@/lib/format/dates';
import { historyFieldInSentence, isSilentHistoryField, REVIEW_SESSION_ENTITY, reviewSessionHistoryPredicate } from './history-labels';

/**
 * Turns audit rows (history_entries before/after JSON) into field changes and short sentences
 * for the claim timeline. Pure: names and verdict labels come in through `DescribeContext`.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that change on every write and say nothing to a reader. */
export const DEFAULT_IGNORED_FIELDS: readonly string[] = ['version', 'updatedAt'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Dates and JSON-round-tripped ISO strings must compare equal: rows hold Dates, history holds strings. */
function normalize(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalize(v)]));
  }
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

function asRecord(value: unknown, name: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    throw new TypeError(`${name} must be an object (a record of fields) or null.`);
  }
  return value as Record<string, unknown>;
}

/**
 * Fields whose value differs between two records, in first-seen order. A field missing on one
 * side counts as null, so a create (before = null) lists every field it set.
 */
export function diffRecords(before: unknown, after: unknown, options: { ignore?: readonly string[] } = {}): FieldChange[] {
  const a = asRecord(before, 'before');
  const b = asRecord(after, 'after');
  const ignore = new Set(options.ignore ?? DEFAULT_IGNORED_FIELDS);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignore.has(k));
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const x = normalize(a[field]);
    const y = normalize(b[field]);
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ field, before: x, after: y });
  }
  return changes;
}

export interface HistoryEntryLike {
  entityType: string;
  action: 'create' | 'update' | 'delete';
  actorName: string | null;
  before: unknown;
  after: unknown;
}

export interface DescribeContext {
  /** Label of a rating level id, e.g. "False". */
  verdictLabel?: (verdictId: string) => string | undefined;
}

/**
 * Names inside a sentence where they differ from the change list's labels (lib/review/history-labels.ts);
 * every other field reads as its label there, never as its raw name.
 */
const SENTENCE_LABELS: Record<string, string> = {
  anchorState: 'anchoring',
  claimAppearance: 'place where the claim appeared',
  excerpt: 'excerpt',
  body: 'text',
  plainText: 'text',
  isPublic: 'public flag',
};

function fieldName(field: string): string {
  return Object.hasOwn(SENTENCE_LABELS, field) ? SENTENCE_LABELS[field]! : historyFieldInSentence(field);
}

/** Long prose: the sentence says it was edited, never quotes both versions. */
const PROSE_FIELDS = new Set(['claimText', 'rationale', 'excerpt', 'body', 'reason', 'plainText']);

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function formatValue(field: string, value: unknown, ctx: DescribeContext): string {
  if (field === 'verdictId' && typeof value === 'string') return ctx.verdictLabel?.(value) ?? 'an unknown verdict';
  if (field === 'status' && isStatus(value)) return statusInSentence(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

function clause(change: FieldChange, ctx: DescribeContext): string {
  const name = fieldName(change.field);
  if (change.field === 'blindReview') return `turned blind review ${change.after ? 'on' : 'off'}`;
  if (change.field === 'basedOn' && typeof change.after === 'string') return `based the verdict on ${change.after}`;
  if (change.field === 'exclusionReason') {
    if (isEmpty(change.after)) return 'included the claim in the fact-check again';
    const why = typeof change.after === 'string' ? `: ${quote(change.after)}` : '';
    return isEmpty(change.before) ? `excluded the claim from the fact-check${why}` : `changed why the claim is excluded${why}`;
  }
  if (PROSE_FIELDS.has(change.field)) return `edited the ${name}`;
  if (isEmpty(change.before)) return `set the ${name} to ${formatValue(change.field, change.after, ctx)}`;
  if (isEmpty(change.after)) return `cleared the ${name}`;
  return `changed the ${name} from ${formatValue(change.field, change.before, ctx)} to ${formatValue(change.field, change.after, ctx)}`;
}

function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses[0] ?? '';
  const shown = clauses.length > 3 ? [...clauses.slice(0, 2), `${clauses.length - 2} other fields`] : clauses;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function field(record: unknown, name: string): unknown {
  return record && typeof record === 'object' ? (record as Record<string, unknown>)[name] : undefined;
}

function text(record: unknown, ...names: string[]): string | null {
  for (const name of names) {
    const value = field(record, name);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

function describeUpdate(entry: HistoryEntryLike, ctx: DescribeContext, noun: string): string {
  const changes = diffRecords(entry.before, entry.after).filter((c) => !isSilentHistoryField(c.field));
  if (changes.length === 0) return `updated ${noun}`;
  return joinClauses(changes.map((c) => clause(c, ctx)));
}

function predicate(entry: HistoryEntryLike, ctx: DescribeContext): string {
  const { action, before, after } = entry;
  const subject = action === 'delete' ? before : after;
  switch (entry.entityType) {
    case 'claim': {
      if (action === 'create') return `created the claim${text(after, 'claimText') ? ` ${quote(text(after, 'claimText')!)}` : ''}`;
      if (action === 'delete') return 'deleted the claim';
      return describeUpdate(entry, ctx, 'the claim');
    }
    case 'source': {
      const name = text(subject, 'title', 'publisher', 'url');
      const the = name ? `the source ${quote(name)}` : 'a source';
      if (action === 'create') return `added ${the}`;
      if (action === 'delete') return `removed ${the}`;
      const changed = diffRecords(before, after).filter((c) => !isSilentHistoryField(c.field)).map((c) => fieldName(c.field));
      return changed.length ? `edited ${the} (${changed.join(', ')})` : `edited ${the}`;
    }
    case 'comment': {
      if (action === 'create') return text(after, 'body') ? `commented ${quote(text(after, 'body')!)}` : 'commented';
      if (action === 'delete') return 'deleted a comment';
      return 'edited a comment';
    }
    case 'verdict': {
      const label = (v: unknown) => formatValue('verdictId', v, ctx);
      if (action === 'create') return `gave their verdict: ${label(field(after, 'verdictId'))}`;
      if (action === 'delete') return 'withdrew their verdict';
      const from = field(before, 'verdictId');
      const to = field(after, 'verdictId');
      if (from !== to) return `changed their verdict from ${label(from)} to ${label(to)}`;
      return 'edited the reason for their verdict';
    }
    case 'reply_attempt': {
      const method = text(subject, 'method');
      const the = `a right-of-reply attempt${method ? ` (${method.replace(/_/g, ' ')})` : ''}`;
      if (action === 'create') return `logged ${the}`;
      if (action === 'delete') return `removed ${the}`;
      const changed = diffRecords(before, after).filter((c) => !isSilentHistoryField(c.field)).map((c) => fieldName(c.field));
      return changed.length ? `edited ${the} (${changed.join(', ')})` : `edited ${the}`;
    }
    case 'assignment': {
      const who = text(subject, 'assigneeName') ?? 'a reviewer';
      const what = field(subject, 'claimId') ? 'the claim' : 'the article';
      return action === 'delete' ? `unassigned ${who} from ${what}` : `assigned ${what} to ${who}`;
    }
    case 'article': {
      if (action === 'create') return 'created the article';
      // Deleting an article moves it to the trash (db/queries/article-trash.ts); restoring clears deletedAt.
      if (action === 'delete') return field(after, 'deletedAt') ? 'moved the article to the trash' : 'deleted the article';
      if (typeof field(before, 'deletedAt') === 'string' && field(after, 'deletedAt') === null) return 'restored the article from the trash';
      const step = publicationStep(after);
      if (step) return step;
      const from = field(before, 'status');
      const to = field(after, 'status');
      if (typeof from === 'string' && typeof to === 'string' && from !== to) return `moved the article from ${formatValue('status', from, ctx)} to ${formatValue('status', to, ctx)}`;
      if (isTextSave(after)) return describeTextSave(after);
      // Rows from before text revisions were stored held both full texts.
      if (field(after, 'plainText') !== undefined) return 'edited the article text';
      return describeUpdate(entry, ctx, 'the article');
    }
    // Review sessions (lib/review/history-labels.ts): the day in the reports' zone (UTC) on the server.
    case REVIEW_SESSION_ENTITY:
      return reviewSessionHistoryPredicate(after, { timeZone: REPORT_TIME_ZONE });
    default: {
      const verb = action === 'create' ? 'created' : action === 'delete' ? 'deleted' : 'changed';
      return `${verb} a ${entry.entityType}`;
    }
  }
}

/**
 * What the history row of a text save holds (after): the revisions, how much changed and a short
 * excerpt of the first change. Never the texts themselves: those are stored once, as revisions
 * (db/queries/article-revisions.ts), where revision comparison reads them.
 */
export interface TextSaveSummary {
  revision: number;
  baseRevision: number;
  /** Number of separate changes. */
  changes: number;
  /** UTF-16 units inserted and deleted, over all changes. */
  inserted: number;
  deleted: number;
  /** The first change, shortened: the words removed and the words put in their place. */
  excerpt: { removed: string; added: string };
}

/** Characters of each side of the excerpt kept in the history row. */
export const TEXT_SAVE_EXCERPT_CHARS = 80;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never cut an emoji in half.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The history summary of a text save, from the old text and the changes (lib/text/diff TextChange[]). */
export function textSaveSummary(oldText: string, changes: readonly { from: number; to: number; insert: string }[], baseRevision: number, revision: number): TextSaveSummary {
  let inserted = 0;
  let deleted = 0;
  for (const change of changes) {
    inserted += change.insert.length;
    deleted += change.to - change.from;
  }
  const first = changes[0];
  const excerpt = first ? { removed: shorten(oldText.slice(first.from, first.to), TEXT_SAVE_EXCERPT_CHARS), added: shorten(first.insert, TEXT_SAVE_EXCERPT_CHARS) } : { removed: '', added: '' };
  return { revision, baseRevision, changes: changes.length, inserted, deleted, excerpt };
}

function isTextSave(after: unknown): after is TextSaveSummary {
  return typeof field(after, 'baseRevision') === 'number' && typeof field(after, 'changes') === 'number' && typeof field(after, 'excerpt') === 'object' && field(after, 'excerpt') !== null;
}

function describeTextSave(after: TextSaveSummary): string {
  if (after.changes === 0) return 'saved the article text unchanged';
  const removed = typeof after.excerpt.removed === 'string' ? after.excerpt.removed.replace(/\s+/g, ' ').trim() : '';
  const added = typeof after.excerpt.added === 'string' ? after.excerpt.added.replace(/\s+/g, ' ').trim() : '';
  let what: string;
  if (removed && added) what = `replaced ${quote(removed)} with ${quote(added)}`;
  else if (added) what = `added ${quote(added)}`;
  else if (removed) what = `removed ${quote(removed)}`;
  else what = 'changed the spacing';
  const more = after.changes > 1 ? ` and made ${after.changes - 1} other change${after.changes > 2 ? 's' : ''}` : '';
  return `edited the article text: ${what}${more}`;
}

/** Publication steps (db/queries/publications.ts record `publication` in `after`): their own sentence. */
function publicationStep(after: unknown): string | null {
  const reason = text(after, 'correctionNote', 'reason');
  const why = reason ? `: ${quote(reason)}` : '';
  switch (field(after, 'publication')) {
    case 'published': {
      const override = text(after, 'overrideReason');
      return override ? `published the fact-check despite blockers: ${quote(override)}` : 'published the fact-check';
    }
    case 'corrected':
      return `republished the fact-check with a correction${why}`;
    case 'reopened':
      return `reopened the fact-check for correction${why}`;
    case 'retracted':
      return `retracted the fact-check${why}`;
    default:
      return null;
  }
}

/** One short sentence, e.g. "Ana Souza changed the verdict from True to False". */
export function describeHistoryEntry(entry: HistoryEntryLike, ctx: DescribeContext = {}): string {
  if (!entry || typeof entry !== 'object' || typeof entry.entityType !== 'string') throw new TypeError('describeHistoryEntry needs a history entry with an entityType.');
  const actor = entry.actorName?.trim() || 'Someone';
  return `${actor} ${predicate(entry, ctx)}`;
}

