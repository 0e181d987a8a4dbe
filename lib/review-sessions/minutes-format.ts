// Words and times shared by the Markdown and HTML minutes (minutes-markdown.ts, minutes-html.ts).
// Plain text: each renderer escapes what it gets from here.
import type { SessionMinutes } from '@/lib/domain/review-sessions';
import { REPORT_TIME_ZONE, formatDay, isoDayIn, parseInstant } from '@/lib/format/dates';
import { plural } from '@/lib/format/plural';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { HIDDEN_UNTIL_REVEAL } from '@/lib/review/verdict-visibility';

export type MinutesItem = SessionMinutes['items'][number];
export type MinutesAttendee = SessionMinutes['attendees'][number];

export interface MinutesFormatOptions {
  /** Zone for every time shown (named once in the header); default the reports' zone, UTC. */
  timeZone?: string;
}

export function zoneOf(opts: MinutesFormatOptions): string {
  return opts.timeZone?.trim() || REPORT_TIME_ZONE;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    map.set(timeZone, f);
  }
  return f;
}

/**
 * "14:05" for an instant on the session's day (in `timeZone`), "26 Nov 14:05" on another day,
 * so a session past midnight still reads right. The input itself if it is not a date.
 */
export function clockTime(iso: string, sessionStartedAt: string, timeZone: string): string {
  const date = parseInstant(iso);
  if (!date) return iso;
  const time = cached(clockFormatters, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  if (isoDayIn(iso, timeZone) === isoDayIn(sessionStartedAt, timeZone)) return time;
  return `${cached(dayFormatters, timeZone, { day: 'numeric', month: 'short' }).format(date)} ${time}`;
}

/** "25 November 2026" (the day the session started, in `timeZone`). */
export function sessionDay(m: Pick<SessionMinutes, 'startedAt'>, timeZone: string): string {
  return formatDay(m.startedAt, timeZone) ?? m.startedAt;
}

/** "1 h 5 min", "45 min", "less than a minute". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  if (minutes === 0) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (h === 0) return `${min} min`;
  return min === 0 ? `${h} h` : `${h} h ${min} min`;
}

/** Seconds an attendee was joined in all (intervals are merged, so they do not overlap). */
export function presentSeconds(a: MinutesAttendee): number {
  return a.intervals.reduce((sum, i) => {
    const from = parseInstant(i.joinedAt)?.getTime();
    const to = parseInstant(i.leftAt)?.getTime();
    return from === undefined || to === undefined ? sum : sum + Math.max(0, Math.floor((to - from) / 1000));
  }, 0);
}

/** "Claim 3" or "Unnumbered claim"; the agenda's running number is shown separately. */
export function claimName(claimNumber: number | null): string {
  return claimNumber === null ? 'Unnumbered claim' : `Claim ${claimNumber}`;
}

/** The item's number on the agenda as printed: 1, 2, 3 … in position order (positions may have gaps). */
export function agendaNumbers(m: Pick<SessionMinutes, 'items'>): Map<number, number> {
  const sorted = [...m.items].map((i) => i.position).sort((a, b) => a - b);
  return new Map(sorted.map((position, i) => [position, i + 1]));
}

/** Items in agenda order (position). */
export function itemsInOrder(m: Pick<SessionMinutes, 'items'>): MinutesItem[] {
  return [...m.items].sort((a, b) => a.position - b.position);
}

export const OUTCOME_TITLES: Readonly<Record<MinutesItem['outcome'], string>> = {
  decided: 'Decided',
  deferred: 'Deferred',
  dropped: 'Dropped',
  pending: 'Not reached',
};

/** "Decided: False", "Deferred", "Dropped", "Not reached". */
export function outcomeLine(item: MinutesItem): string {
  if (item.decisionHidden) return HIDDEN_UNTIL_VERDICT;
  if (item.outcome === 'decided') return item.decidedVerdict ? `Decided: ${item.decidedVerdict.label}` : 'Decided';
  return OUTCOME_TITLES[item.outcome];
}

/** "50%" or "—". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** "2 votes, agreement 50%" / "1 vote" / "No vote revealed". */
export function voteSummary(item: MinutesItem): string {
  if (item.decisionHidden) return HIDDEN_UNTIL_VERDICT;
  // A vote is open on the claim now: its earlier votes are hidden from everyone until that reveal.
  if (item.votesHidden) return HIDDEN_UNTIL_REVEAL;
  if (item.votes.length === 0) return 'No vote revealed';
  const count = plural(item.votes.length, 'vote');
  return item.agreement === null ? count : `${count}, agreement ${percent(item.agreement)}`;
}

/** Counts for the summary line: "3 items: 1 decided, 1 deferred, 1 dropped". */
export function outcomeCounts(m: Pick<SessionMinutes, 'items'>): string {
  if (m.items.length === 0) return 'No items on the agenda';
  // Items whose decision is withheld from this reader are counted apart: counting them by outcome would tell it.
  const count = (o: MinutesItem['outcome']) => m.items.filter((i) => !i.decisionHidden && i.outcome === o).length;
  const hidden = m.items.filter((i) => i.decisionHidden).length;
  const parts = (['decided', 'deferred', 'dropped', 'pending'] as const)
    .filter((o) => count(o) > 0)
    .map((o) => `${count(o)} ${o === 'pending' ? 'not reached' : o}`);
  if (hidden > 0) parts.push(`${hidden} hidden until you give your verdict`);
  return `${plural(m.items.length, 'item')}: ${parts.join(', ')}`;
}

export const DELETED_CLAIM_NOTE = 'This claim has since been deleted from the article.';
