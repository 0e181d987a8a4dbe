import { describe, expect, it } from 'vitest';
import { MAX_AGENDA_ITEMS, MAX_SESSION_ACTION_CHARS, MAX_SESSION_NOTE_CHARS, MAX_TIMEBOX_SECONDS } from '@/lib/domain/review-sessions';
import { attendanceSchema, createSessionActionSchema, createSessionNoteSchema, sessionOpSchema, startSessionSchema, updateSessionActionSchema, updateSessionNoteSchema } from './review-sessions';

const id = '6f1c2b9e-0d4a-4f6e-9a3b-1c2d3e4f5a6b';
const id2 = '7a1c2b9e-0d4a-4f6e-9a3b-1c2d3e4f5a6b';

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? '');
}

describe('sessionOpSchema', () => {
  const good: unknown[] = [
    { op: 'reorder', version: 3, itemIds: [id, id2] },
    { op: 'reorder', itemIds: [id, id2] }, // the version is optional: the permutation is the agenda check
    { op: 'addItem', claimId: id },
    { op: 'dropItem', itemId: id },
    { op: 'dropItem', itemId: id, note: 'Out of scope' },
    { op: 'goto', itemId: id },
    { op: 'timebox', itemId: id, seconds: 300 },
    { op: 'timebox', itemId: id, seconds: null },
    { op: 'callVote', itemId: id },
    { op: 'reveal', itemId: id },
    { op: 'decide', itemId: id, verdictId: id2, claimVersion: 2 },
    { op: 'decide', itemId: id, verdictId: id2, claimVersion: 2, rationale: 'Because.' },
    { op: 'defer', itemId: id, note: 'Needs a source' },
    { op: 'takeLead' },
    { op: 'end' },
  ];
  it.each(good)('accepts %j', (body) => {
    expect(sessionOpSchema.safeParse(body).success).toBe(true);
  });

  const bad: Array<[unknown, RegExp]> = [
    [{ op: 'explode' }, /Unknown session operation/],
    [{}, /Unknown session operation/],
    [{ op: 'reorder', version: 'x', itemIds: [id] }, /version/],
    [{ op: 'reorder', version: 1, itemIds: [] }, /List the agenda items/],
    [{ op: 'reorder', version: 1, itemIds: ['nope'] }, /Invalid id/],
    [{ op: 'reorder', version: 1, itemIds: Array.from({ length: MAX_AGENDA_ITEMS + 1 }, () => id) }, /at most/],
    [{ op: 'timebox', itemId: id, seconds: 0 }, /longer than 0/],
    [{ op: 'timebox', itemId: id, seconds: -5 }, /longer than 0/],
    [{ op: 'timebox', itemId: id, seconds: 1.5 }, /whole seconds/],
    [{ op: 'timebox', itemId: id, seconds: MAX_TIMEBOX_SECONDS + 1 }, /at most 60 minutes/],
    [{ op: 'timebox', itemId: id }, /number of seconds/],
    [{ op: 'defer', itemId: id }, /Say why/],
    [{ op: 'defer', itemId: id, note: '   ' }, /Say why/],
    [{ op: 'defer', itemId: id, note: 'x'.repeat(MAX_SESSION_NOTE_CHARS + 1) }, /at most/],
    [{ op: 'dropItem', itemId: id, note: 'bad\u0000' }, /note/i],
    [{ op: 'decide', itemId: id, verdictId: id2 }, /version number is required/],
    [{ op: 'decide', itemId: id, verdictId: 'false', claimVersion: 1 }, /Invalid id/],
    [{ op: 'goto' }, /./],
  ];
  it.each(bad)('refuses %j', (body, message) => {
    expect(firstMessage(sessionOpSchema.safeParse(body))).toMatch(message);
  });
});

describe('the other bodies', () => {
  it('start: ordered distinct claim ids, an optional default timebox', () => {
    expect(startSessionSchema.safeParse({}).success).toBe(true);
    expect(startSessionSchema.safeParse({ claimIds: [id, id2], timeboxSeconds: null }).success).toBe(true);
    expect(firstMessage(startSessionSchema.safeParse({ claimIds: [id, id] }))).toBe('A claim can be on the agenda only once.');
    expect(firstMessage(startSessionSchema.safeParse({ claimIds: 'all' }))).toMatch(/list of claim ids/);
    expect(firstMessage(startSessionSchema.safeParse({ timeboxSeconds: 0 }))).toMatch(/longer than 0/);
  });

  it('attendance: one of four actions', () => {
    for (const action of ['join', 'leave', 'follow', 'breakAway']) expect(attendanceSchema.safeParse({ action }).success).toBe(true);
    expect(firstMessage(attendanceSchema.safeParse({ action: 'dance' }))).toMatch(/join, leave, follow or breakAway/);
  });

  it('notes: text required, trimmed, limited; updates need the version', () => {
    expect(createSessionNoteSchema.parse({ body: '  Check the date.  ' })).toEqual({ body: 'Check the date.' });
    expect(firstMessage(createSessionNoteSchema.safeParse({ body: '' }))).toBe('Write a note.');
    expect(firstMessage(createSessionNoteSchema.safeParse({}))).toBe('Write a note.');
    expect(firstMessage(createSessionNoteSchema.safeParse({ body: 'x'.repeat(MAX_SESSION_NOTE_CHARS + 1) }))).toMatch(/at most/);
    expect(firstMessage(updateSessionNoteSchema.safeParse({ body: 'ok' }))).toMatch(/version number is required/);
  });

  it('actions: a claim action names its claim, a task describes itself; done needs a boolean and the version', () => {
    expect(createSessionActionSchema.safeParse({ kind: 'task', assigneeId: id, text: 'Call the ministry' }).success).toBe(true);
    expect(createSessionActionSchema.safeParse({ kind: 'claim', assigneeId: id, claimId: id2 }).success).toBe(true);
    expect(firstMessage(createSessionActionSchema.safeParse({ kind: 'claim', assigneeId: id }))).toBe('Choose the claim to assign.');
    expect(createSessionActionSchema.safeParse({ kind: 'claim', assigneeId: id, itemId: id2 }).success).toBe(true);
    expect(firstMessage(createSessionActionSchema.safeParse({ kind: 'task', assigneeId: id, text: ' ' }))).toBe('Describe the task.');
    expect(firstMessage(createSessionActionSchema.safeParse({ kind: 'meeting', assigneeId: id, text: 'x' }))).toMatch(/claim or task/);
    expect(firstMessage(createSessionActionSchema.safeParse({ kind: 'task', assigneeId: id, text: 'x'.repeat(MAX_SESSION_ACTION_CHARS + 1) }))).toMatch(/at most/);
    expect(firstMessage(updateSessionActionSchema.safeParse({ done: 'yes', version: 1 }))).toMatch(/true or false/);
    expect(updateSessionActionSchema.safeParse({ done: true, version: 1 }).success).toBe(true);
  });
});
