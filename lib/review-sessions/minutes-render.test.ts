import { describe, expect, it } from 'vitest';
import type { SessionMinutes } from '@/lib/domain/review-sessions';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { buildMinutes, type MinutesInput } from './minutes';
import { minutesToHtml } from './minutes-html';
import { minutesToMarkdown } from './minutes-markdown';

const full = () => buildMinutes(sampleMinutesInput());
const empty = (): SessionMinutes => buildMinutes({ ...sampleMinutesInput(), items: [], actions: [], attendance: [] });

describe('minutesToMarkdown', () => {
  it('renders a full session', () => {
    expect(minutesToMarkdown(full())).toBe(`# Review session minutes: Minister’s claims on inflation

- **Workspace:** Demo desk
- **Date:** 25 November 2026
- **Time:** 10:00–11:05 UTC (1 h 5 min)
- **Lead:** Ana Editor
- **Agenda:** 3 items: 1 decided, 1 deferred, 1 dropped

## Attendees

- **Ana Editor** (editor): 10:00–11:05 (1 h 5 min)
- **Ben Reviewer** (reviewer): 10:02–10:30, 10:40–11:05 (53 min)
- **Cleo Reviewer** (reviewer): 10:05–10:50 (45 min)

## Agenda and decisions

### 1. Claim 3: “Inflation fell to 2% last month”

- **Outcome:** Decided: False (set by Ana Editor)
- **Votes:** 2 votes, agreement 0%
  - Spread: False 1, Mostly false 1
  - Ben Reviewer: False
  - Cleo Reviewer: Mostly false

**Notes**

- **Ben Reviewer**, 10:10: The minister quoted the core rate.
- **Cleo Reviewer**, 10:12: Statistics office says 3.1%.\\
  See table 4.

### 2. Claim 5: “Wages rose faster than prices”

- **Outcome:** Deferred
- **Why deferred:** Waiting for the ministry’s reply.
- **Votes:** No vote revealed

**Notes**

- _Former member_, 10:35: Asked the ministry press office.

### 3. Claim 7: “Unemployment halved since 2020”

_This claim has since been deleted from the article._

- **Outcome:** Dropped
- **Why dropped:** Claim removed from the article.
- **Votes:** No vote revealed

## Action items

- **Ben Reviewer**, review claim 5: Follow up with the ministry (item 2)
- **Cleo Reviewer**, task: Update the methodology note

---

_Minutes of the review session recorded by Claimdesk. Times in UTC._
`);
  });

  it('renders an empty session', () => {
    const md = minutesToMarkdown(empty());
    expect(md).toContain('- **Agenda:** No items on the agenda');
    expect(md).toContain('## Attendees\n\n_Nobody joined._');
    expect(md).toContain('## Agenda and decisions\n\n_The agenda was empty._');
    expect(md).toContain('## Action items\n\n_No action items._');
  });

  it('shows times in the zone asked for, naming it, and the day when a time falls on another day', () => {
    const md = minutesToMarkdown(full(), { timeZone: 'Asia/Tehran' });
    expect(md).toContain('- **Time:** 13:30–14:35 Asia/Tehran (1 h 5 min)');
    const late = buildMinutes({ ...sampleMinutesInput(), session: { ...sampleMinutesInput().session, startedAt: '2026-11-25T23:30:00.000Z', endedAt: '2026-11-26T00:40:00.000Z' } });
    expect(minutesToMarkdown(late)).toContain('- **Time:** 23:30–26 Nov 00:40 UTC (1 h 10 min)');
  });

  it('lists items in position order, numbered 1.. whatever the positions', () => {
    const md = minutesToMarkdown(full());
    const headings = md.match(/^### .*$/gm);
    expect(headings).toEqual(['### 1. Claim 3: “Inflation fell to 2% last month”', '### 2. Claim 5: “Wages rose faster than prices”', '### 3. Claim 7: “Unemployment halved since 2020”']);
  });

  it('names an unnumbered claim and a decision without a label', () => {
    const input = sampleMinutesInput();
    input.items = [{ ...input.items[1]!, claimNumber: null, decidedVerdict: null, decidedBy: null }];
    const md = minutesToMarkdown(buildMinutes(input));
    expect(md).toContain('### 1. Unnumbered claim: “Inflation fell to 2% last month”');
    expect(md).toContain('- **Outcome:** Decided\n');
  });
});

const EVIL = '</title></style><script>alert(1)</script>"><img src=x onerror=alert(2)> *bold* _em_ [link](javascript:alert(3)) `code` | pipe # not heading';
const EVIL_LINES = `# Heading\n- list\n1. ordered\n> quote\n\`\`\`\n${EVIL}`;

/** Every user string in the input replaced by hostile text. */
function hostileInput(): MinutesInput {
  const input = sampleMinutesInput();
  const person = (p: { userId: string; name: string } | null) => (p ? { ...p, name: EVIL } : null);
  return {
    ...input,
    session: { ...input.session, lead: person(input.session.lead) },
    article: { ...input.article, title: EVIL },
    workspaceName: EVIL,
    attendance: input.attendance.map((a) => ({ ...a, name: EVIL, role: EVIL })),
    items: input.items.map((item) => ({
      ...item,
      claimQuote: EVIL_LINES,
      outcomeNote: item.outcomeNote ? EVIL_LINES : '',
      decidedVerdict: item.decidedVerdict ? { key: EVIL, label: EVIL } : null,
      decidedBy: person(item.decidedBy),
      votes: item.votes?.map((v) => ({ ...v, name: EVIL, verdictKey: EVIL, verdictLabel: EVIL })) ?? null,
      notes: item.notes.map((n) => ({ ...n, authorName: n.authorName === null ? null : EVIL, body: EVIL_LINES })),
    })),
    actions: input.actions.map((a) => ({ ...a, assigneeName: EVIL, text: EVIL_LINES })),
  };
}

describe('hostile text', () => {
  const minutes = buildMinutes(hostileInput());

  it('Markdown: no raw HTML, link, emphasis, code or block syntax from user text', () => {
    const md = minutesToMarkdown(minutes);
    expect(md).not.toMatch(/(?<!\\)<(script|img|\/title|\/style)/i);
    expect(md).not.toMatch(/(?<!\\)\[link(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)`code/);
    expect(md).not.toMatch(/(?<!\\)\*bold/);
    expect(md).not.toMatch(/(?<!\\)_em/);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    // Block syntax at the start of a (continuation) line is neutralised.
    for (const line of md.split('\n')) {
      expect(line, line).not.toMatch(/^\s*(> |```|1\. ordered|- list|# Heading)/);
    }
    // Only our own headings.
    expect(md.match(/^#{1,6} /gm)).toHaveLength(1 + 3 + 3);
  });

  it('HTML: only the minutes’ own elements, no handlers, no scripts', () => {
    const html = minutesToHtml(minutes);
    const outsideStyle = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
    expect(outsideStyle).not.toMatch(/<(script|img|svg|iframe|object|embed)/i);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'article', 'footer', 'div', 'p', 'span', 'bdi', 'b', 'br', 'h1', 'h2', 'h3', 'h4', 'dl', 'dt', 'dd', 'ul', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
    const tags = outsideStyle.match(/<\/?[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) {
      const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
      expect(allowed, tag).toContain(name);
      expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\s(on[a-z]+|src|href|action)\s*=/i);
    }
    expect(html).toContain('<title>Review session minutes: &lt;/title&gt;&lt;/style&gt;&lt;script&gt;');
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('minutesToHtml', () => {
  it('is a whole document with the CSP, title and every section', () => {
    const html = minutesToHtml(full());
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(html).toContain('<title>Review session minutes: Minister’s claims on inflation</title>');
    expect(html).toContain('<h2 id="attendees-h">Attendees</h2>');
    expect(html).toContain('<td class="num">10:02–10:30<br>10:40–11:05</td><td class="num">53 min</td>');
    expect(html).toContain('<span class="outcome">Decided: False</span>');
    expect(html).toContain('Final verdict set by <bdi>Ana Editor</bdi>.');
    expect(html).toContain('<p class="spread">2 votes, agreement 0% · False 1, Mostly false 1</p>');
    expect(html).toContain('<li><b><bdi>Ben Reviewer</bdi></b>: False</li>');
    expect(html).toContain('<p class="deleted">This claim has since been deleted from the article.</p>');
    expect(html).toContain('<li><b><bdi>Ben Reviewer</bdi></b>, review claim 5: <span dir="auto">Follow up with the ministry</span> <span class="acc">(item 2)</span></li>');
    expect(html.indexOf('Claim 3</h3>')).toBeLessThan(html.indexOf('Claim 5</h3>'));
    expect(html.indexOf('Claim 5</h3>')).toBeLessThan(html.indexOf('Claim 7</h3>'));
    expect(html.indexOf('The minister quoted the core rate.')).toBeLessThan(html.indexOf('Statistics office says'));
  });

  it('renders an empty session', () => {
    const html = minutesToHtml(empty());
    expect(html).toContain('<p class="empty">Nobody joined.</p>');
    expect(html).toContain('<p class="empty">The agenda was empty.</p>');
    expect(html).toContain('<p class="empty">No action items.</p>');
  });
});
