import { describe, expect, it } from 'vitest';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { buildMinutes, minutesFileName, type MinutesInput } from './minutes';

const END = '2026-11-25T11:05:30.000Z';

describe('buildMinutes', () => {
  const m = buildMinutes(sampleMinutesInput());

  it('records the session: ids, times, duration, lead', () => {
    expect(m).toMatchObject({
      sessionId: 's-1',
      article: { id: 'a-1', title: 'Minister’s claims on inflation' },
      workspaceName: 'Demo desk',
      startedAt: '2026-11-25T10:00:00.000Z',
      endedAt: END,
      durationSeconds: 65 * 60 + 30,
      lead: { userId: 'u-ana', name: 'Ana Editor' },
    });
  });

  it('lists attendees by first join, with their intervals merged per person and open ones closed at the end', () => {
    expect(m.attendees).toEqual([
      { userId: 'u-ana', name: 'Ana Editor', role: 'editor', intervals: [{ joinedAt: '2026-11-25T10:00:00.000Z', leftAt: END }] },
      {
        userId: 'u-ben',
        name: 'Ben Reviewer',
        role: 'reviewer',
        intervals: [
          { joinedAt: '2026-11-25T10:02:00.000Z', leftAt: '2026-11-25T10:30:00.000Z' },
          { joinedAt: '2026-11-25T10:40:00.000Z', leftAt: END },
        ],
      },
      { userId: 'u-cleo', name: 'Cleo Reviewer', role: 'reviewer', intervals: [{ joinedAt: '2026-11-25T10:05:00.000Z', leftAt: '2026-11-25T10:50:00.000Z' }] },
    ]);
  });

  it('puts items in position order with outcome, decided verdict, votes (by name), agreement and notes (by time)', () => {
    expect(m.items.map((i) => [i.position, i.claimNumber, i.outcome])).toEqual([
      [1, 3, 'decided'],
      [2, 5, 'deferred'],
      [5, 7, 'dropped'],
    ]);
    const [decided, deferred, dropped] = m.items;
    expect(decided).toMatchObject({ claimId: 'c-3', decidedVerdict: { key: 'false', label: 'False' }, decidedBy: { userId: 'u-ana', name: 'Ana Editor' }, agreement: 0 });
    expect(decided!.votes.map((v) => v.name)).toEqual(['Ben Reviewer', 'Cleo Reviewer']);
    expect(decided!.notes.map((n) => n.authorName)).toEqual(['Ben Reviewer', 'Cleo Reviewer']);
    expect(deferred).toMatchObject({ outcomeNote: 'Waiting for the ministry’s reply.', decidedVerdict: null, votes: [], agreement: null });
    expect(deferred!.notes).toEqual([{ authorName: null, body: 'Asked the ministry press office.', createdAt: '2026-11-25T10:35:00.000Z' }]);
    expect(dropped).toMatchObject({ claimId: null, claimQuote: 'Unemployment halved since 2020', votes: [], agreement: null });
  });

  it('orders actions by agenda item (loose ones last) and names the item position', () => {
    expect(m.actions).toEqual([
      { kind: 'claim', assigneeName: 'Ben Reviewer', claimNumber: 5, text: 'Follow up with the ministry', itemPosition: 2 },
      { kind: 'task', assigneeName: 'Cleo Reviewer', claimNumber: null, text: 'Update the methodology note', itemPosition: null },
    ]);
  });

  const base = (): MinutesInput => ({ ...sampleMinutesInput(), items: [], actions: [], attendance: [] });
  const at = (hhmm: string) => `2026-11-25T${hhmm}:00.000Z`;
  it.each([
    { name: 'overlapping intervals (two tabs) merge', rows: [['10:00', '10:30'], ['10:20', '10:40']], want: [['10:00', '10:40']] },
    { name: 'touching intervals merge', rows: [['10:00', '10:30'], ['10:30', null]], want: [['10:00', END]] },
    { name: 'an interval inside another disappears', rows: [['10:00', '10:50'], ['10:10', '10:20']], want: [['10:00', '10:50']] },
    { name: 'a leave recorded after the end is clamped to it', rows: [['10:00', '11:30']], want: [['10:00', END]] },
    { name: 'unsorted input', rows: [['10:40', null], ['10:00', '10:10']], want: [['10:00', '10:10'], ['10:40', END]] },
  ])('$name', ({ rows, want }) => {
    const input = base();
    input.attendance = rows.map(([from, to]) => ({ userId: 'u', name: 'U', role: 'reviewer', joinedAt: at(from!), leftAt: to === null ? null : at(to!) }));
    const iso = (v: string) => (v.includes('T') ? v : at(v));
    expect(buildMinutes(input).attendees[0]!.intervals).toEqual(want.map(([from, to]) => ({ joinedAt: iso(from!), leftAt: iso(to!) })));
  });

  it('an empty session: no attendees, no items, no actions', () => {
    const empty = buildMinutes(base());
    expect(empty).toMatchObject({ attendees: [], items: [], actions: [] });
  });

  it('never reports a decided verdict for an item that was not decided', () => {
    const input = base();
    input.items = [{ ...sampleMinutesInput().items[1]!, outcome: 'deferred', outcomeNote: 'later' }];
    expect(buildMinutes(input).items[0]).toMatchObject({ outcome: 'deferred', decidedVerdict: null, decidedBy: null });
  });

  it('an action whose item is gone has no item position', () => {
    const input = base();
    input.actions = [{ itemId: 'gone', kind: 'task', assigneeName: 'U', claimNumber: null, text: 'x', createdAt: at('10:00') }];
    expect(buildMinutes(input).actions[0]!.itemPosition).toBeNull();
  });

  it('a negative span (clock trouble) is a zero duration', () => {
    const input = base();
    input.session = { ...input.session, endedAt: '2026-11-25T09:00:00.000Z' };
    expect(buildMinutes(input).durationSeconds).toBe(0);
  });
});

describe('minutesFileName', () => {
  const m = buildMinutes(sampleMinutesInput());
  it.each([
    { slug: 'ministers-claims', ext: 'md' as const, tz: undefined, want: 'review-session-2026-11-25-ministers-claims.md' },
    { slug: 'Ünïcode Title!', ext: 'pdf' as const, tz: undefined, want: 'review-session-2026-11-25-unicode-title.pdf' },
    { slug: '', ext: 'md' as const, tz: undefined, want: 'review-session-2026-11-25-minister-s-claims-on-inflation.md' },
    { slug: 'x', ext: 'md' as const, tz: 'Pacific/Kiritimati', want: 'review-session-2026-11-26-x.md' },
  ])('$slug → $want', ({ slug, ext, tz, want }) => {
    expect(minutesFileName({ ...m, startedAt: tz ? '2026-11-25T12:00:00.000Z' : m.startedAt }, slug, ext, tz)).toBe(want);
  });
});
