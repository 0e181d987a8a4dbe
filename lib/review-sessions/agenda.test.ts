import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { MAX_AGENDA_ITEMS } from '@/lib/domain/review-sessions';
import { proposeAgenda, reorderItems, type AgendaCandidate } from './agenda';

function claim(id: string, positionStart: number, over: Partial<AgendaCandidate> = {}): AgendaCandidate {
  return { claimId: id, claimNumber: positionStart, quote: `quote ${id}`, positionStart, hasFinalVerdict: false, excluded: false, reviewerVerdictKeys: [], unreadComments: 0, ...over };
}

describe('proposeAgenda', () => {
  const cases: Array<{ name: string; candidates: AgendaCandidate[]; limit?: number; want: Array<[string, string]> }> = [
    { name: 'empty article', candidates: [], want: [] },
    {
      name: 'claims with a final verdict and excluded claims are left out',
      candidates: [
        claim('final', 1, { hasFinalVerdict: true, reviewerVerdictKeys: ['true', 'false'], unreadComments: 3 }),
        claim('excluded', 2, { excluded: true, reviewerVerdictKeys: ['true', 'false'] }),
        claim('open', 3),
      ],
      want: [['open', 'no_final_verdict']],
    },
    {
      name: 'disagreement first (lowest agreement first), then unread (most first), then text order',
      candidates: [
        claim('plain-late', 90),
        claim('unread-1', 10, { unreadComments: 1 }),
        claim('unread-5', 80, { unreadComments: 5 }),
        // 3 voters, 2 agree: 1/3 of pairs agree
        claim('third', 50, { reviewerVerdictKeys: ['false', 'false', 'true'] }),
        // 2 voters, disagree: 0 agreement
        claim('zero', 60, { reviewerVerdictKeys: ['false', 'true'], unreadComments: 9 }),
        claim('plain-early', 5),
      ],
      want: [
        ['zero', 'disagreement'],
        ['third', 'disagreement'],
        ['unread-5', 'unread_discussion'],
        ['unread-1', 'unread_discussion'],
        ['plain-early', 'no_final_verdict'],
        ['plain-late', 'no_final_verdict'],
      ],
    },
    {
      name: 'agreeing verdicts and a single verdict are not disagreement',
      candidates: [claim('agree', 1, { reviewerVerdictKeys: ['true', 'true'] }), claim('single', 2, { reviewerVerdictKeys: ['false'], unreadComments: 2 })],
      want: [['single', 'unread_discussion'], ['agree', 'no_final_verdict']],
    },
    {
      name: 'ties fall back to text order, then claim number, whatever the input order',
      candidates: [
        claim('b', 20, { reviewerVerdictKeys: ['x', 'y'] }),
        claim('a', 10, { reviewerVerdictKeys: ['y', 'x'] }),
        claim('u2', 40, { unreadComments: 2 }),
        claim('u1', 30, { unreadComments: 2 }),
        claim('same-pos-2', 50, { claimNumber: 9 }),
        claim('same-pos-1', 50, { claimNumber: 3 }),
      ],
      want: [['a', 'disagreement'], ['b', 'disagreement'], ['u1', 'unread_discussion'], ['u2', 'unread_discussion'], ['same-pos-1', 'no_final_verdict'], ['same-pos-2', 'no_final_verdict']],
    },
    {
      name: 'limit cuts the tail',
      candidates: [claim('a', 1), claim('b', 2, { unreadComments: 1 }), claim('c', 3)],
      limit: 2,
      want: [['b', 'unread_discussion'], ['a', 'no_final_verdict']],
    },
    { name: 'limit 0', candidates: [claim('a', 1)], limit: 0, want: [] },
  ];
  it.each(cases)('$name', ({ candidates, limit, want }) => {
    expect(proposeAgenda(candidates, limit).map((i) => [i.claimId, i.reason])).toEqual(want);
  });

  it('reports agreement only for disagreement, and the verdict and unread counts', () => {
    const [d, u] = proposeAgenda([claim('d', 1, { reviewerVerdictKeys: ['a', 'a', 'b'], unreadComments: 4 }), claim('u', 2, { reviewerVerdictKeys: ['a'], unreadComments: 2 })]);
    expect(d).toEqual({ claimId: 'd', claimNumber: 1, quote: 'quote d', reason: 'disagreement', agreement: 1 / 3, verdictCount: 3, unreadComments: 4 });
    expect(u).toMatchObject({ reason: 'unread_discussion', agreement: null, verdictCount: 1, unreadComments: 2 });
  });

  it('defaults to MAX_AGENDA_ITEMS', () => {
    const many = Array.from({ length: MAX_AGENDA_ITEMS + 5 }, (_, i) => claim(`c${i}`, i));
    expect(proposeAgenda(many)).toHaveLength(MAX_AGENDA_ITEMS);
  });
});

describe('reorderItems', () => {
  const current = ['a', 'b', 'c'];
  it.each([
    [['c', 'a', 'b']],
    [['a', 'b', 'c']],
  ])('accepts the permutation %j', (requested) => {
    const result = reorderItems(current, requested);
    expect(result).toEqual(requested);
    expect(result).not.toBe(requested);
  });
  it('accepts an empty agenda', () => expect(reorderItems([], [])).toEqual([]));

  it.each([
    { name: 'missing item', requested: ['a', 'b'], message: /every open item/ },
    { name: 'extra item', requested: ['a', 'b', 'c', 'd'], message: /not open/ },
    { name: 'unknown item', requested: ['a', 'b', 'x'], message: /not open/ },
    { name: 'duplicate', requested: ['a', 'a', 'b'], message: /twice/ },
    { name: 'duplicate filling the length', requested: ['a', 'b', 'b'], message: /twice/ },
    { name: 'empty', requested: [], message: /every open item/ },
  ])('rejects $name', ({ requested, message }) => {
    let error: unknown;
    try {
      reorderItems(current, requested);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unprocessable');
    expect((error as AppError).message).toMatch(message);
  });
});
