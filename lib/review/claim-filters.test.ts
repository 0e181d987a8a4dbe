import { describe, expect, it } from 'vitest';
import { matchesClaimFilters, matchesStatusFilter, matchesVerdictFilter, type FilterableClaim } from './claim-filters';

const decided: FilterableClaim = { verdictId: 'level-false', status: 'resolved', verdictHidden: false };
const pending: FilterableClaim = { verdictId: null, status: 'open', verdictHidden: false };
const hidden: FilterableClaim = { verdictId: null, status: null, verdictHidden: true };

describe('claim panel filters', () => {
  it('matches verdicts: all, pending, a level, hidden', () => {
    expect([decided, pending, hidden].map((c) => matchesVerdictFilter(c, 'all'))).toEqual([true, true, true]);
    expect([decided, pending, hidden].map((c) => matchesVerdictFilter(c, 'pending'))).toEqual([false, true, false]);
    expect([decided, pending, hidden].map((c) => matchesVerdictFilter(c, 'level-false'))).toEqual([true, false, false]);
    expect([decided, pending, hidden].map((c) => matchesVerdictFilter(c, 'hidden'))).toEqual([false, false, true]);
  });

  it('never sorts a hidden claim into a status (that would reveal it)', () => {
    for (const status of ['open', 'in_review', 'resolved'] as const) expect(matchesStatusFilter(hidden, true, status)).toBe(false);
    expect(matchesStatusFilter(hidden, true, 'hidden')).toBe(true);
    expect(matchesStatusFilter(decided, true, 'resolved')).toBe(true);
    expect(matchesStatusFilter(decided, true, 'open')).toBe(false);
  });

  it('orphaned goes by anchoring, whatever the decision', () => {
    expect(matchesStatusFilter(hidden, false, 'orphaned')).toBe(true);
    expect(matchesStatusFilter(decided, true, 'orphaned')).toBe(false);
  });

  it('combines both filters', () => {
    expect(matchesClaimFilters(decided, true, { verdict: 'level-false', status: 'resolved' })).toBe(true);
    expect(matchesClaimFilters(decided, true, { verdict: 'pending', status: 'resolved' })).toBe(false);
    expect(matchesClaimFilters(hidden, true, { verdict: 'all', status: 'hidden' })).toBe(true);
  });

  it('an unknown filter value matches nothing rather than everything', () => {
    expect(matchesVerdictFilter(decided, 'no-such-level')).toBe(false);
    expect(matchesStatusFilter(decided, true, 'closed' as never)).toBe(false);
  });
});
