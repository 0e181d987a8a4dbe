// The minutes of a review session: the frozen record written when the session ends (H2 calls
// buildMinutes inside the `end` transaction and stores the result in review_sessions.minutes).
// Pure: the caller loads the rows and passes them as plain data.
import type { SessionActionKind, SessionItemOutcome, SessionMinutes, SessionPerson, SessionVoteResult } from '@/lib/domain/review-sessions';
import { REPORT_TIME_ZONE, isoDayIn } from '@/lib/format/dates';
import { slugify } from '@/lib/text/slug';
import { voteAgreement } from './votes';

export interface MinutesInput {
  session: {
    id: string;
    /** ISO instants. */
    startedAt: string;
    endedAt: string;
    lead: SessionPerson | null;
  };
  article: { id: string; title: string };
  workspaceName: string;
  /**
   * Every review_session_attendance row, any order: one per join..leave interval. `leftAt` null
   * (still joined when the session ended) is closed at `session.endedAt`. `role`: the member's role
   * (or e.g. 'former member' when they left the workspace).
   */
  attendance: Array<{ userId: string; name: string; role: string; joinedAt: string; leftAt: string | null }>;
  /** Every agenda item, any order (sorted by `position` here). */
  items: Array<{
    id: string;
    position: number;
    /** Null when the claim was deleted since; number and quote are the item's snapshot. */
    claimId: string | null;
    claimNumber: number | null;
    claimQuote: string;
    outcome: SessionItemOutcome;
    outcomeNote: string;
    /** The item's decided_verdict_key/label (null unless decided). */
    decidedVerdict: { key: string; label: string } | null;
    decidedBy: SessionPerson | null;
    /** The item's votes snapshot (review_session_items.votes); null/empty when no vote was revealed. */
    votes: SessionVoteResult[] | null;
    /** The item's notes, any order (sorted by createdAt here). */
    notes: Array<{ authorName: string | null; body: string; createdAt: string }>;
  }>;
  /** Every action item of the session, any order. `itemId` null: not tied to an agenda item. */
  actions: Array<{ itemId: string | null; kind: SessionActionKind; assigneeName: string; claimNumber: number | null; text: string; createdAt: string }>;
}

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each person's join/leave intervals, open ones closed at `endedAt`, overlapping or touching ones
 * merged (a second tab, a reconnect), oldest first.
 */
function mergeIntervals(rows: Array<{ joinedAt: string; leftAt: string | null }>, endedAt: string): Array<{ joinedAt: string; leftAt: string }> {
  const end = ms(endedAt);
  const spans = rows
    .map((r) => {
      const from = Math.min(ms(r.joinedAt), end);
      // Open (still joined at the end) or recorded after the end: closed at the end; never before the join.
      const to = Math.max(from, r.leftAt === null ? end : Math.min(ms(r.leftAt), end));
      return { from, to };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Array<{ from: number; to: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged.map((s) => ({ joinedAt: new Date(s.from).toISOString(), leftAt: new Date(s.to).toISOString() }));
}

export function buildMinutes(input: MinutesInput): SessionMinutes {
  const { session } = input;
  const durationSeconds = Math.max(0, Math.floor((ms(session.endedAt) - ms(session.startedAt)) / 1000));

  const people = new Map<string, { userId: string; name: string; role: string; rows: MinutesInput['attendance'] }>();
  for (const row of input.attendance) {
    const person = people.get(row.userId);
    if (person) person.rows.push(row);
    else people.set(row.userId, { userId: row.userId, name: row.name, role: row.role, rows: [row] });
  }
  const attendees = [...people.values()]
    .map((p) => ({ userId: p.userId, name: p.name, role: p.role, intervals: mergeIntervals(p.rows, session.endedAt) }))
    .sort((a, b) => ms(a.intervals[0]!.joinedAt) - ms(b.intervals[0]!.joinedAt) || a.name.localeCompare(b.name) || byString(a.userId, b.userId));

  const items = [...input.items].sort((a, b) => a.position - b.position || byString(a.id, b.id));
  const positionOf = new Map(items.map((item) => [item.id, item.position]));

  return {
    sessionId: session.id,
    article: { id: input.article.id, title: input.article.title },
    workspaceName: input.workspaceName,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    durationSeconds,
    lead: session.lead,
    attendees,
    items: items.map((item) => {
      const votes = [...(item.votes ?? [])].sort((a, b) => a.name.localeCompare(b.name) || byString(a.userId, b.userId));
      return {
        position: item.position,
        claimId: item.claimId,
        claimNumber: item.claimNumber,
        claimQuote: item.claimQuote,
        outcome: item.outcome,
        outcomeNote: item.outcomeNote,
        decidedVerdict: item.outcome === 'decided' && item.decidedVerdict ? { key: item.decidedVerdict.key, label: item.decidedVerdict.label } : null,
        decidedBy: item.outcome === 'decided' ? item.decidedBy : null,
        votes,
        agreement: voteAgreement(votes),
        notes: [...item.notes].sort((a, b) => ms(a.createdAt) - ms(b.createdAt)).map((n) => ({ authorName: n.authorName, body: n.body, createdAt: n.createdAt })),
      };
    }),
    actions: [...input.actions]
      .map((a) => ({ ...a, itemPosition: a.itemId === null ? null : (positionOf.get(a.itemId) ?? null) }))
      .sort((a, b) => (a.itemPosition ?? Number.MAX_SAFE_INTEGER) - (b.itemPosition ?? Number.MAX_SAFE_INTEGER) || ms(a.createdAt) - ms(b.createdAt))
      .map((a) => ({ kind: a.kind, assigneeName: a.assigneeName, claimNumber: a.claimNumber, text: a.text, itemPosition: a.itemPosition })),
  };
}

/**
 * "review-session-2026-11-25-<article-slug>.md" (the day the session started, in `timeZone`):
 * ASCII only, safe in a Content-Disposition header.
 */
export function minutesFileName(minutes: Pick<SessionMinutes, 'startedAt' | 'article'>, articleSlug: string, extension: 'md' | 'pdf', timeZone: string = REPORT_TIME_ZONE): string {
  const slug = slugify(articleSlug, slugify(minutes.article.title, 'article'));
  const day = isoDayIn(minutes.startedAt, timeZone);
  return `review-session-${day ? `${day}-` : ''}${slug}.${extension}`;
}
