// The minutes as one self-contained HTML document: what the PDF prints (through lib/export/pdf.ts).
// No scripts, no external requests (the report's CSP), the report's stylesheet plus a few rules;
// every user string passes through escapeHtml.
import type { SessionMinutes } from '@/lib/domain/review-sessions';
import { escapeHtml } from '@/lib/export/escape';
import { REPORT_CSS } from '@/lib/export/html-styles';
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

/** The same policy as the HTML report (lib/export/report-html/document.tsx). */
const MINUTES_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const MINUTES_CSS = `
.minutes .item { overflow-wrap: anywhere; margin: 0 0 1rem; border: 1px solid var(--rule); border-left: 5px solid var(--oc, #8c959f); border-radius: 6px; padding: .85rem 1.1rem .9rem; }
.minutes .item.decided { --oc: #1a7f37; }
.minutes .item.deferred { --oc: #b7791f; }
.minutes .item.dropped { --oc: #8c959f; }
.minutes .item.pending { --oc: #d0d7de; }
.minutes .item-head { display: flex; align-items: baseline; gap: .6rem; flex-wrap: wrap; margin-bottom: .45rem; }
.minutes .item-no { display: inline-grid; place-items: center; min-width: 1.6rem; height: 1.6rem; padding: 0 .3rem; border-radius: 999px; background: var(--ink); color: var(--paper); font: 700 .78rem/1 var(--sans); }
.minutes .item-head h3 { margin: 0; font: 700 1rem/1.3 var(--sans); }
.minutes .outcome { margin-left: auto; padding: .1rem .55rem; border-radius: 999px; border: 1px solid var(--oc); font: 700 .72rem/1.4 var(--sans); letter-spacing: .04em; text-transform: uppercase; color: var(--ink); white-space: nowrap; }
.minutes .item .quote { margin: 0 0 .6rem; }
.minutes .deleted { display: inline-block; margin: 0 0 .5rem; padding: .15rem .55rem; border-radius: 4px; background: #fff4e5; color: #8a4b00; font-size: .78rem; font-weight: 600; }
.minutes .item h4 { margin: .7rem 0 .25rem; font: 700 .7rem/1.2 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
.minutes .why { margin: .2rem 0 0; white-space: pre-line; }
.minutes .votes { list-style: none; margin: .2rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .45rem; font-size: .85rem; }
.minutes .votes li { padding: .1rem .5rem; border: 1px solid var(--rule); border-radius: 999px; }
.minutes .votes b { font-weight: 600; }
.minutes .spread { margin: .25rem 0 0; font-size: .85rem; color: var(--ink-soft); }
.minutes .notes li .why { white-space: pre-line; }
.minutes table { width: 100%; border-collapse: collapse; font-size: .88rem; }
.minutes th, .minutes td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
.minutes th { font-size: .68rem; font-weight: 700; letter-spacing: .09em; text-transform: uppercase; color: var(--muted); }
.minutes td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.minutes tr { break-inside: avoid; page-break-inside: avoid; }
/* A long item may run over a page (keeping whole items together left half-empty pages); its head,
   quote and each note, vote list or reason stay whole, and a heading never ends a page. */
.minutes .item-head, .minutes .item .quote, .minutes .item h4, .minutes .deleted { break-after: avoid; page-break-after: avoid; }
.minutes .item-head, .minutes .item .quote, .minutes .notes li, .minutes .votes, .minutes .why, .minutes .actions li { break-inside: avoid; page-break-inside: avoid; }
.minutes .notes li .why { break-inside: auto; }
.minutes .actions { margin: 0; padding-left: 1.2rem; font-size: .9rem; }
.minutes .actions li + li { margin-top: .3rem; }
.minutes .actions .acc { color: var(--muted); font-size: .8rem; }
`;

const e = escapeHtml;
/** Multi-line user text: escaped; line breaks kept by `white-space: pre-line` on the element. */
const lines = (text: string) => e(text.replace(/\r\n?/g, '\n').trim());

export function minutesToHtml(m: SessionMinutes, opts: MinutesFormatOptions = {}): string {
  const tz = zoneOf(opts);
  const time = (iso: string) => clockTime(iso, m.startedAt, tz);
  const numbers = agendaNumbers(m);
  const title = `Review session minutes: ${m.article.title}`;

  const meta = [
    ['Duration', e(formatDuration(m.durationSeconds))],
    ['Lead', m.lead ? `<bdi>${e(m.lead.name)}</bdi>` : '—'],
    ['Attendees', String(m.attendees.length)],
    ['Agenda', e(outcomeCounts(m)), 'wide'],
  ]
    .map(([dt, dd, cls]) => `<div${cls ? ` class="${cls}"` : ''}><dt>${dt}</dt><dd>${dd}</dd></div>`)
    .join('');

  const attendees =
    m.attendees.length === 0
      ? '<p class="empty">Nobody joined.</p>'
      : `<table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Joined – left</th><th scope="col">Present</th></tr></thead><tbody>${m.attendees
          .map(
            (a) =>
              `<tr><td><bdi>${e(a.name)}</bdi></td><td>${e(a.role)}</td><td class="num">${a.intervals.map((i) => `${e(time(i.joinedAt))}–${e(time(i.leftAt))}`).join('<br>')}</td><td class="num">${e(formatDuration(presentSeconds(a)))}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const items = itemsInOrder(m);
  const agenda = items.length === 0 ? '<p class="empty">The agenda was empty.</p>' : items.map((item) => renderItem(item, numbers.get(item.position) ?? 0, time)).join('\n');

  const actions =
    m.actions.length === 0
      ? '<p class="empty">No action items.</p>'
      : `<ul class="actions">${m.actions
          .map((a) => {
            const what = a.kind === 'claim' ? `review ${a.claimNumber === null ? 'a claim' : `claim ${a.claimNumber}`}` : 'task';
            const text = a.text.trim() ? `: <span dir="auto">${e(a.text)}</span>` : '';
            const item = a.itemPosition === null ? '' : ` <span class="acc">(item ${numbers.get(a.itemPosition) ?? '?'})</span>`;
            return `<li><b><bdi>${e(a.assigneeName)}</bdi></b>, ${what}${text}${item}</li>`;
          })
          .join('')}</ul>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${MINUTES_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Claimdesk">
<title>${e(title)}</title>
<style>${REPORT_CSS}${MINUTES_CSS}</style>
</head>
<body class="minutes">
<header class="masthead"><div class="wrap">
<p class="kicker">Review session minutes <span>· <bdi>${e(m.workspaceName)}</bdi></span></p>
<h1 dir="auto">${e(m.article.title)}</h1>
<p class="dek">${e(sessionDay(m, tz))}<span class="sep">·</span>${e(time(m.startedAt))}–${e(time(m.endedAt))} ${e(tz)}</p>
</div></header>
<main class="wrap">
<dl class="meta">${meta}</dl>
<section aria-labelledby="attendees-h"><h2 id="attendees-h">Attendees</h2>
${attendees}
</section>
<section aria-labelledby="agenda-h"><h2 id="agenda-h">Agenda and decisions</h2>
${agenda}
</section>
<section aria-labelledby="actions-h"><h2 id="actions-h">Action items</h2>
${actions}
</section>
<footer class="colophon"><p>Minutes of the review session recorded by Claimdesk. Times in ${e(tz)}.</p></footer>
</main>
</body>
</html>
`;
}

function renderItem(item: MinutesItem, n: number, time: (iso: string) => string): string {
  const parts: string[] = [];
  parts.push(
    `<div class="item-head"><span class="item-no">${n}</span><h3>${e(claimName(item.claimNumber))}</h3><span class="outcome">${e(outcomeLine(item))}</span></div>`,
  );
  if (item.claimId === null) parts.push(`<p class="deleted">${e(DELETED_CLAIM_NOTE)}</p>`);
  if (item.claimQuote.trim()) parts.push(`<blockquote class="quote" dir="auto"><p>${e(item.claimQuote)}</p></blockquote>`);
  if (item.decidedBy) parts.push(`<p class="why">Final verdict set by <bdi>${e(item.decidedBy.name)}</bdi>.</p>`);
  if (item.outcomeNote.trim()) {
    const heading = item.outcome === 'dropped' ? 'Why dropped' : item.outcome === 'deferred' ? 'Why deferred' : 'Note';
    parts.push(`<h4>${heading}</h4><p class="why" dir="auto">${lines(item.outcomeNote)}</p>`);
  }
  parts.push(`<h4>Votes</h4><p class="spread">${e(voteSummary(item))}${item.votes.length > 0 ? ` · ${voteSpread(item.votes).map((s) => `${e(s.verdictLabel)} ${s.count}`).join(', ')}` : ''}</p>`);
  if (item.votes.length > 0) {
    parts.push(`<ul class="votes">${item.votes.map((v) => `<li><b><bdi>${e(v.name)}</bdi></b>: ${e(v.verdictLabel)}</li>`).join('')}</ul>`);
  }
  if (item.notes.length > 0) {
    parts.push(
      `<h4>Notes</h4><ul class="notes">${item.notes
        .map((note) => `<li><b class="who">${note.authorName === null ? 'Former member' : `<bdi>${e(note.authorName)}</bdi>`}</b> <span class="acc">${e(time(note.createdAt))}</span><span class="why" dir="auto">${lines(note.body)}</span></li>`)
        .join('')}</ul>`,
    );
  }
  return `<article class="item ${item.decisionHidden ? 'hidden' : item.outcome}">${parts.join('')}</article>`;
}
