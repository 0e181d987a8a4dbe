import { describe, expect, it } from 'vitest';
import type { SessionVoteResult } from '@/lib/domain/review-sessions';
import { countsAsVote, eligibleVoterIds, everyoneVoted, voteAgreement, voteSpread } from './votes';

const vote = (userId: string, verdictKey: string, verdictLabel = verdictKey.toUpperCase()): SessionVoteResult => ({ userId, name: userId, verdictId: `v-${verdictKey}`, verdictKey, verdictLabel });

describe('voteSpread', () => {
  const levels = ['true', 'mostly-true', 'mostly-false', 'false'];
  it.each([
    { name: 'no votes', votes: [], order: levels, want: [] },
    {
      name: 'follows the scale order, not the counts',
      votes: [vote('a', 'false'), vote('b', 'true'), vote('c', 'false'), vote('d', 'mostly-true')],
      order: levels,
      want: [['true', 1], ['mostly-true', 1], ['false', 2]],
    },
    {
      name: 'keys outside the scale come after it, most votes first',
      votes: [vote('a', 'gone'), vote('b', 'other'), vote('c', 'other'), vote('d', 'false')],
      order: levels,
      want: [['false', 1], ['other', 2], ['gone', 1]],
    },
    {
      name: 'without a scale: most votes first, then by label',
      votes: [vote('a', 'b'), vote('b', 'a'), vote('c', 'c'), vote('d', 'c')],
      order: undefined,
      want: [['c', 2], ['a', 1], ['b', 1]],
    },
  ])('$name', ({ votes, order, want }) => {
    expect(voteSpread(votes, order).map((s) => [s.verdictKey, s.count])).toEqual(want);
  });
  it('keeps the label', () => {
    expect(voteSpread([vote('a', 'false', 'False')])).toEqual([{ verdictKey: 'false', verdictLabel: 'False', count: 1 }]);
  });
});

describe('voteAgreement', () => {
  it.each([
    { name: 'no votes', votes: [], want: null },
    { name: 'one vote', votes: [vote('a', 'x')], want: null },
    { name: 'two agree', votes: [vote('a', 'x'), vote('b', 'x')], want: 1 },
    { name: 'two differ', votes: [vote('a', 'x'), vote('b', 'y')], want: 0 },
    { name: 'two of three agree', votes: [vote('a', 'x'), vote('b', 'x'), vote('c', 'y')], want: 1 / 3 },
  ])('$name → $want', ({ votes, want }) => {
    expect(voteAgreement(votes)).toBe(want);
  });
});

describe('everyoneVoted', () => {
  it.each([
    { name: 'nobody eligible', eligible: [], voted: [], want: false },
    { name: 'nobody eligible, someone voted', eligible: [], voted: ['a'], want: false },
    { name: 'all voted', eligible: ['a', 'b'], voted: ['a', 'b'], want: true },
    { name: 'all voted plus an ineligible voter', eligible: ['a'], voted: ['a', 'z'], want: true },
    { name: 'one missing', eligible: ['a', 'b'], voted: ['a', 'z'], want: false },
  ])('$name', ({ eligible, voted, want }) => {
    expect(everyoneVoted(eligible, new Set(voted))).toBe(want);
  });
});

describe('eligibleVoterIds', () => {
  const ps = [
    { userId: 'lead', mayVote: true },
    { userId: 'a', mayVote: true },
    { userId: 'v', mayVote: false },
    { userId: 'b', mayVote: true },
    { userId: 'a', mayVote: true },
  ];
  it.each([
    { name: 'the lead who has not voted is not eligible; viewers never; each once', lead: 'lead', voted: [], present: null, want: ['a', 'b'] },
    { name: 'the lead who voted in this vote counts', lead: 'lead', voted: ['lead'], present: null, want: ['lead', 'a', 'b'] },
    { name: 'no lead: every voter', lead: null, voted: [], present: null, want: ['lead', 'a', 'b'] },
    { name: 'only those present', lead: 'lead', voted: ['lead'], present: ['a', 'v'], want: ['a'] },
  ])('$name', ({ lead, voted, present, want }) => {
    expect(eligibleVoterIds(ps, lead, new Set(voted), present ? new Set(present) : null)).toEqual(want);
  });
});

describe('countsAsVote', () => {
  const called = new Date('2026-11-25T10:00:00.000Z');
  it.each([
    { name: 'written before the call', at: '2026-11-25T09:59:59.999Z', want: false },
    { name: 'written at the call', at: '2026-11-25T10:00:00.000Z', want: true },
    { name: 'written after the call', at: '2026-11-25T10:00:05.000Z', want: true },
  ])('$name', ({ at, want }) => {
    expect(countsAsVote(new Date(at), called)).toBe(want);
  });
});
