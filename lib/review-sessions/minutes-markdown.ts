// The minutes as Markdown (the .md download). Every user string (titles, names, quotes, notes,
// labels) is escaped with lib/export/escape.ts, so it can never become markup or a link.
import type { SessionMinutes } from '@/lib/domain/review-sessions';
import { escapeMarkdownInline, escapeMarkdownLineStart, escapeMarkdownSingleLine } from '@/lib/export/escape';
import {
  DELETED_CLAIM_NOTE,
  agendaNumbers,
  claimName,
  clockTime,
  formatDuration,
  itemsInOrder,
  outcomeCounts,
  outcomeLine,
  presentSeconds,
  sessionDay,
  voteSummary,
  zoneOf,
  type MinutesFormatOptions,
  type MinutesItem,
} from './minutes-format';
import { voteSpread } from './votes';

/** One line of user text, escaped for use inside a Markdown line. */
const one = (text: string) => escapeMarkdownInline(text.replace(/\s+/g, ' ').trim());

/**
 * Multi-line user text inside a list item: each line escaped as a block start, joined by hard
 * breaks and indented so it stays in the item. Blank lines are dropped (they would end the item).
 */
function listBody(text: string, indent: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeMarkdownLineStart)
    .join(`\\\n${indent}`);
}

export function minutesToMarkdown(m: SessionMinutes, opts: MinutesFormatOptions = {}): string {
  const tz = zoneOf(opts);
  const time = (iso: string) => clockTime(iso, m.startedAt, tz);
  const numbers = agendaNumbers(m);

  const header = [
    `# Review session minutes: ${escapeMarkdownSingleLine(m.article.title)}`,
    [
      `- **Workspace:** ${one(m.workspaceName)}`,
      `- **Date:** ${sessionDay(m, tz)}`,
      `- **Time:** ${time(m.startedAt)}–${time(m.endedAt)} ${tz} (${formatDuration(m.durationSeconds)})`,
      `- **Lead:** ${m.lead ? one(m.lead.name) : '—'}`,
      `- **Agenda:** ${outcomeCounts(m)}`,
    ].join('\n'),
  ];

  const attendees =
    m.attendees.length === 0
      ? '_Nobody joined._'
      : m.attendees
          .map((a) => {
            const spans = a.intervals.map((i) => `${time(i.joinedAt)}–${time(i.leftAt)}`).join(', ');
            return `- **${one(a.name)}** (${one(a.role)}): ${spans} (${formatDuration(presentSeconds(a))})`;
          })
          .join('\n');

  const items = itemsInOrder(m);
  const agenda = items.length === 0 ? ['_The agenda was empty._'] : items.map((item) => renderItem(item, numbers.get(item.position) ?? 0, time));

  const actions =
    m.actions.length === 0
      ? '_No action items._'
      : m.actions
          .map((a) => {
            const what = a.kind === 'claim' ? `review ${a.claimNumber === null ? 'a claim' : `claim ${a.claimNumber}`}` : 'task';
            const item = a.itemPosition === null ? '' : ` (item ${numbers.get(a.itemPosition) ?? '?'})`;
            const text = a.text.trim() ? `: ${one(a.text)}` : '';
            return `- **${one(a.assigneeName)}**, ${what}${text}${item}`;
          })
          .join('\n');

  const blocks = [
    ...header,
    '## Attendees',
    attendees,
    '## Agenda and decisions',
    ...agenda,
    '## Action items',
    actions,
    '---',
    `_Minutes of the review session recorded by Claimdesk. Times in ${tz}._`,
  ];
  return `${blocks.join('\n\n')}\n`;
}

function renderItem(item: MinutesItem, n: number, time: (iso: string) => string): string {
  const lines: string[] = [`### ${n}. ${claimName(item.claimNumber)}: “${one(item.claimQuote)}”`];
  if (item.claimId === null) lines.push('', `_${DELETED_CLAIM_NOTE}_`);
  const facts: string[] = [`- **Outcome:** ${one(outcomeLine(item))}${item.decidedBy ? ` (set by ${one(item.decidedBy.name)})` : ''}`];
  if (item.outcomeNote.trim()) facts.push(`- **${item.outcome === 'dropped' ? 'Why dropped' : item.outcome === 'deferred' ? 'Why deferred' : 'Note'}:** ${listBody(item.outcomeNote, '  ')}`);
  facts.push(`- **Votes:** ${voteSummary(item)}`);
  if (item.votes.length > 0) {
    const spread = voteSpread(item.votes).map((s) => `${one(s.verdictLabel)} ${s.count}`).join(', ');
    facts.push(`  - Spread: ${spread}`);
    for (const v of item.votes) facts.push(`  - ${one(v.name)}: ${one(v.verdictLabel)}`);
  }
  lines.push('', facts.join('\n'));
  if (item.notes.length > 0) {
    lines.push('', '**Notes**', '', item.notes.map((note) => `- ${note.authorName === null ? '_Former member_' : `**${one(note.authorName)}**`}, ${time(note.createdAt)}: ${listBody(note.body, '  ')}`).join('\n'));
  }
  return lines.join('\n');
}
