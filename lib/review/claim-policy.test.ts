import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain/roles';
import type { ClaimStatus } from '@/lib/domain/statuses';
import { checkClaimDelete, checkClaimUpdate, touchesClaimDecision, type ClaimChange, type PolicyDecision } from './claim-policy';

const BLIND = /Under blind review the rationale and status stay hidden/;
const FINAL_VERDICT = /Only editors set the final verdict/;
const NOT_A_TRANSITION = /cannot go from resolved to in review/;

type Expected = 'ok' | ['forbidden' | 'unprocessable', RegExp];

function expectDecision(decision: PolicyDecision, expected: Expected) {
  if (expected === 'ok') return expect(decision).toEqual({ ok: true });
  expect(decision).toMatchObject({ ok: false, code: expected[0] });
  expect(decision.ok ? '' : decision.reason).toMatch(expected[1]);
}

describe('checkClaimUpdate', () => {
  const cases: Array<[what: string, role: Role, current: ClaimStatus, change: ClaimChange, canSeeDecision: boolean, expected: Expected]> = [
    ['text-only change by a reviewer', 'reviewer', 'open', {}, true, 'ok'],
    ['text-only change while the decision is hidden', 'reviewer', 'open', {}, false, 'ok'],
    ['a reviewer starts review', 'reviewer', 'open', { status: 'in_review' }, true, 'ok'],
    ['a reviewer resolves', 'reviewer', 'in_review', { status: 'resolved' }, true, 'ok'],
    ['an editor reopens', 'editor', 'resolved', { status: 'open' }, true, 'ok'],
    ['the same status again is no transition, so allowed', 'reviewer', 'open', { status: 'open' }, true, 'ok'],
    ['a transition the workflow does not have', 'editor', 'resolved', { status: 'in_review' }, true, ['unprocessable', NOT_A_TRANSITION]],
    ['status while blind review hides it', 'reviewer', 'open', { status: 'in_review' }, false, ['forbidden', BLIND]],
    ['rationale while blind review hides it', 'reviewer', 'open', { rationale: 'Because.' }, false, ['forbidden', BLIND]],
    // Blind review is checked before the transition rules, whose messages would name the hidden status.
    ['blind review before an impossible transition', 'reviewer', 'resolved', { status: 'in_review' }, false, ['forbidden', BLIND]],
    ['rationale once visible', 'reviewer', 'open', { rationale: 'Because.' }, true, 'ok'],
    ['a reviewer sets the final verdict', 'reviewer', 'open', { verdictId: 'level-1' }, true, ['forbidden', FINAL_VERDICT]],
    ['a reviewer clears the final verdict', 'reviewer', 'open', { verdictId: null }, true, ['forbidden', FINAL_VERDICT]],
    ['an editor sets the final verdict', 'editor', 'open', { verdictId: 'level-1' }, true, 'ok'],
    ['a reviewer excludes a claim', 'reviewer', 'open', { exclusionReason: 'Opinion, not a checkable claim.' }, true, ['forbidden', /Only editors can exclude a claim/]],
    ['a reviewer includes a claim again', 'reviewer', 'open', { exclusionReason: null }, true, ['forbidden', /Only editors can exclude a claim/]],
    ['an editor excludes a claim', 'editor', 'open', { exclusionReason: 'Opinion, not a checkable claim.' }, true, 'ok'],
    ['an owner sets verdict, rationale and status together', 'owner', 'in_review', { verdictId: 'level-1', rationale: 'R', status: 'resolved' }, true, 'ok'],
    ['blind review is checked before the final-verdict rule', 'reviewer', 'open', { rationale: 'R', verdictId: 'x' }, false, ['forbidden', BLIND]],
  ];
  it.each(cases)('%s', (_what, role, current, change, canSeeDecision, expected) => {
    expectDecision(checkClaimUpdate(role, current, change, canSeeDecision), expected);
  });

  const VOTE_OPEN = /^A vote is open on this claim in the review session: /;
  it.each<[what: string, change: ClaimChange, canSeeDecision: boolean, voteOpen: boolean, expected: Expected]>([
    ['status while a vote hides it', { status: 'in_review' }, false, true, ['forbidden', VOTE_OPEN]],
    ['rationale while a vote hides it', { rationale: 'Because.' }, false, true, ['forbidden', VOTE_OPEN]],
    ['hidden by blind review, no vote', { rationale: 'Because.' }, false, false, ['forbidden', BLIND]],
    ['text-only change during a vote', {}, false, true, 'ok'],
    ['visible decision during a vote (not the reason)', { rationale: 'Because.' }, true, true, 'ok'],
  ])('open vote: %s', (_what, change, canSeeDecision, voteOpen, expected) => {
    expectDecision(checkClaimUpdate('reviewer', 'open', change, canSeeDecision, voteOpen), expected);
  });
});

describe('touchesClaimDecision', () => {
  it.each<[ClaimChange, boolean]>([
    [{}, false],
    [{ verdictId: 'x' }, false],
    [{ status: 'open' }, true],
    [{ rationale: '' }, true],
  ])('%o → %s', (change, touches) => {
    expect(touchesClaimDecision(change)).toBe(touches);
  });
});

describe('checkClaimDelete', () => {
  it.each<[Role, boolean, Expected]>([
    ['reviewer', true, 'ok'],
    ['reviewer', false, ['forbidden', /Only the claim’s author or an editor can delete it/]],
    ['editor', false, 'ok'],
    ['owner', false, 'ok'],
    ['editor', true, 'ok'],
  ])('%s, author %s', (role, isAuthor, expected) => {
    expectDecision(checkClaimDelete(role, isAuthor), expected);
  });
});
