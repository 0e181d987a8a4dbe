import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain/roles';
import { checkSessionOp, sessionAbilities, type SessionFacts, type SessionOperation } from './policy';

type Expected = 'ok' | ['forbidden' | 'conflict', RegExp];

const running = (role: Role, more: Partial<SessionFacts> = {}): SessionFacts => ({ role, status: 'running', isLead: false, joined: false, ...more });
const pending = { outcome: 'pending', voteState: 'none' } as const;

describe('checkSessionOp', () => {
  const cases: Array<[what: string, op: SessionOperation, facts: SessionFacts, expected: Expected]> = [
    ['a viewer joins', 'join', running('viewer'), 'ok'],
    ['a viewer leaves', 'leave', running('viewer', { joined: true }), 'ok'],
    ['a joined viewer breaks away', 'breakAway', running('viewer', { joined: true }), 'ok'],
    ['following needs joining first', 'follow', running('reviewer'), ['conflict', /Join the session first/]],
    ['a viewer cannot write notes', 'writeNote', running('viewer', { joined: true }), ['forbidden', /cannot write session notes/]],
    ['a reviewer writes notes', 'writeNote', running('reviewer'), 'ok'],
    ['a reviewer cannot take the lead', 'takeLead', running('reviewer', { joined: true }), ['forbidden', /cannot lead/]],
    ['an editor takes the lead without having joined', 'takeLead', running('editor'), 'ok'],
    ['any editor may end (the lead may be gone)', 'end', running('editor'), 'ok'],
    ['a reviewer cannot end', 'end', running('reviewer', { joined: true }), ['forbidden', /cannot lead/]],
    ['the lead reorders', 'reorder', running('editor', { isLead: true, joined: true }), 'ok'],
    ['an editor who is not the lead cannot reorder', 'reorder', running('owner', { joined: true }), ['forbidden', /Only the session lead/]],
    ['a viewer cannot go to an item', 'goto', running('viewer', { joined: true }), ['forbidden', /cannot lead/]],
    ['the lead calls a vote', 'callVote', running('editor', { isLead: true, item: pending }), 'ok'],
    ['re-calling after reveal reopens', 'callVote', running('editor', { isLead: true, item: { outcome: 'pending', voteState: 'revealed' } }), 'ok'],
    ['a vote already open', 'callVote', running('editor', { isLead: true, item: { outcome: 'pending', voteState: 'open' } }), ['conflict', /already open/]],
    ['reveal without an open vote', 'reveal', running('editor', { isLead: true, item: pending }), ['conflict', /No vote is open/]],
    ['reveal an open vote', 'reveal', running('editor', { isLead: true, item: { outcome: 'pending', voteState: 'open' } }), 'ok'],
    ['decide a pending item', 'decide', running('owner', { isLead: true, item: pending }), 'ok'],
    ['decide twice', 'decide', running('editor', { isLead: true, item: { outcome: 'decided', voteState: 'revealed' } }), ['conflict', /already decided/]],
    ['defer a dropped item', 'defer', running('editor', { isLead: true, item: { outcome: 'dropped', voteState: 'none' } }), ['conflict', /already dropped/]],
    ['goto a decided item (to look back) is fine', 'goto', running('editor', { isLead: true, item: { outcome: 'decided', voteState: 'none' } }), 'ok'],
    ['the lead adds an action item', 'addAction', running('editor', { isLead: true }), 'ok'],
    ['a reviewer cannot add action items', 'addAction', running('reviewer', { joined: true }), ['forbidden', /cannot lead/]],
    ['an ended session refuses joining', 'join', { role: 'owner', status: 'ended', isLead: true, joined: false }, ['conflict', /has ended/]],
    ['an ended session refuses lead ops', 'decide', { role: 'owner', status: 'ended', isLead: true, joined: true, item: pending }, ['conflict', /has ended/]],
    ['an ended session refuses notes', 'writeNote', { role: 'owner', status: 'ended', isLead: false, joined: false }, ['conflict', /has ended/]],
    ['the assignee marks a task done, even after the session', 'markActionDone', { role: 'reviewer', status: 'ended', isLead: false, joined: false, isAssignee: true }, 'ok'],
    ['the lead marks an action done', 'markActionDone', running('editor', { isLead: true, isAssignee: false }), 'ok'],
    ['someone else cannot mark it done', 'markActionDone', running('owner', { isAssignee: false }), ['forbidden', /assigned to/]],
  ];
  it.each(cases)('%s', (_what, op, facts, expected) => {
    const decision = checkSessionOp(op, facts);
    if (expected === 'ok') return expect(decision).toEqual({ ok: true });
    expect(decision).toMatchObject({ ok: false, code: expected[0] });
    expect(decision.ok ? '' : decision.reason).toMatch(expected[1]);
  });
});

describe('sessionAbilities', () => {
  const cases: Array<[what: string, facts: Parameters<typeof sessionAbilities>[0], expected: Partial<ReturnType<typeof sessionAbilities>>]> = [
    ['a joined following viewer follows but cannot vote or write', { role: 'viewer', status: 'running', isLead: false, joined: true, following: true }, { joined: true, following: true, canVote: false, canWriteNotes: false, canTakeLead: false, canLead: false }],
    ['a reviewer votes and writes notes', { role: 'reviewer', status: 'running', isLead: false, joined: true, following: false }, { following: false, canVote: true, canWriteNotes: true, canTakeLead: false }],
    ['an editor who is not the lead may take it', { role: 'editor', status: 'running', isLead: false, joined: false, following: false }, { canTakeLead: true, canLead: false }],
    ['the lead leads', { role: 'editor', status: 'running', isLead: true, joined: true, following: true }, { isLead: true, canLead: true, canTakeLead: false }],
    ['nothing once ended', { role: 'owner', status: 'ended', isLead: true, joined: true, following: true }, { joined: false, isLead: false, canLead: false, canTakeLead: false, canVote: false, canWriteNotes: false }],
  ];
  it.each(cases)('%s', (_what, facts, expected) => {
    expect(sessionAbilities(facts)).toMatchObject(expected);
  });
});
