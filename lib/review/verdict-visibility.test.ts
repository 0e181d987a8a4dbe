import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain/roles';
import { canSeeDecision, canSeeOthersVerdicts } from './verdict-visibility';

describe('canSeeOthersVerdicts (no vote open: the blind-review rule)', () => {
  const cases: Array<[role: Role | null, blindReview: boolean, hasOwnVerdict: boolean, sees: boolean]> = [
    // Without blind review everyone who can read the article sees every verdict.
    ['reviewer', false, false, true],
    ['viewer', false, false, true],
    [null, false, false, true],
    // Under blind review a reviewer sees the others only after voting.
    ['reviewer', true, false, false],
    ['reviewer', true, true, true],
    // Viewers never vote, so they never see them; nor does someone without a role.
    ['viewer', true, false, false],
    [null, true, false, false],
    // Those who set the final verdict always see them.
    ['editor', true, false, true],
    ['owner', true, false, true],
  ];
  it.each(cases)('%s, blind review %s, own verdict %s → %s', (role, blindReview, hasOwnVerdict, sees) => {
    expect(canSeeOthersVerdicts(role, blindReview, hasOwnVerdict)).toBe(sees);
    expect(canSeeOthersVerdicts(role, blindReview, hasOwnVerdict, { voteOpen: false })).toBe(sees);
  });
});

describe('role × blind review × own verdict × vote open', () => {
  const roles: Array<Role | null> = ['owner', 'editor', 'reviewer', 'viewer', null];
  type Row = [role: Role | null, blindReview: boolean, hasOwnVerdict: boolean, voteOpen: boolean, others: boolean, decision: boolean];
  const expected = (role: Role | null, blind: boolean, own: boolean, vote: boolean): Row => {
    const final = role === 'owner' || role === 'editor';
    // Spelled out rather than computed from the rule under test.
    const others = vote ? false : !blind || own || final;
    const decision = final ? true : vote ? false : !blind || own;
    return [role, blind, own, vote, others, decision];
  };
  const rows: Row[] = roles.flatMap((role) => [false, true].flatMap((blind) => [false, true].flatMap((own) => [false, true].map((vote) => expected(role, blind, own, vote)))));

  it('covers every combination', () => expect(rows).toHaveLength(40));
  it.each(rows)('%s, blind %s, own %s, vote open %s → others %s, decision %s', (role, blindReview, hasOwnVerdict, voteOpen, others, decision) => {
    expect(canSeeOthersVerdicts(role, blindReview, hasOwnVerdict, { voteOpen })).toBe(others);
    expect(canSeeDecision(role, blindReview, hasOwnVerdict, { voteOpen })).toBe(decision);
  });

  // The cases the issue names, written out.
  const named: Array<[what: string, role: Role, blind: boolean, own: boolean, others: boolean, decision: boolean]> = [
    ['an editor during a vote sees no one else’s verdict but keeps the decision', 'editor', false, false, false, true],
    ['an owner who voted still sees no one else’s verdict', 'owner', true, true, false, true],
    ['a reviewer who voted sees neither others nor the decision', 'reviewer', false, true, false, false],
    ['a reviewer under blind review who voted sees neither', 'reviewer', true, true, false, false],
    ['a viewer following the session sees neither', 'viewer', false, false, false, false],
  ];
  it.each(named)('%s', (_what, role, blind, own, others, decision) => {
    expect(canSeeOthersVerdicts(role, blind, own, { voteOpen: true })).toBe(others);
    expect(canSeeDecision(role, blind, own, { voteOpen: true })).toBe(decision);
  });

  it('without a vote the decision follows the blind-review rule exactly', () => {
    for (const role of roles) for (const blind of [false, true]) for (const own of [false, true]) expect(canSeeDecision(role, blind, own)).toBe(canSeeOthersVerdicts(role, blind, own));
  });
});
