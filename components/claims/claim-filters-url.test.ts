import { describe, expect, it } from 'vitest';
import { NO_CLAIM_FILTERS, readClaimFilters, withClaimFilters } from './claim-filters-url';

describe('readClaimFilters', () => {
  const levels = ['lvl-false', 'lvl-true'];

  it('reads a level, a keyword and a status', () => {
    expect(readClaimFilters({ verdict: 'lvl-false', status: 'in_review' }, levels)).toEqual({ verdict: 'lvl-false', status: 'in_review' });
    expect(readClaimFilters({ verdict: 'pending', status: 'orphaned' }, levels)).toEqual({ verdict: 'pending', status: 'orphaned' });
    expect(readClaimFilters({ verdict: 'hidden', status: 'hidden' }, levels)).toEqual({ verdict: 'hidden', status: 'hidden' });
  });

  it('falls back to "all" for anything unknown or missing', () => {
    expect(readClaimFilters({}, levels)).toEqual(NO_CLAIM_FILTERS);
    expect(readClaimFilters({ verdict: 'lvl-of-another-scale', status: 'published' }, levels)).toEqual(NO_CLAIM_FILTERS);
    expect(readClaimFilters({ verdict: '', status: '' }, levels)).toEqual(NO_CLAIM_FILTERS);
    expect(readClaimFilters({ verdict: '__proto__', status: 'constructor' }, levels)).toEqual(NO_CLAIM_FILTERS);
  });

  it('takes the first of repeated parameters', () => {
    expect(readClaimFilters({ verdict: ['lvl-true', 'lvl-false'], status: ['open', 'resolved'] }, levels)).toEqual({ verdict: 'lvl-true', status: 'open' });
  });
});

describe('withClaimFilters', () => {
  it('sets the filters and keeps the other parameters', () => {
    expect(withClaimFilters('?claim=c1&tab=verdicts', { verdict: 'lvl-false', status: 'all' })).toBe('?claim=c1&tab=verdicts&verdict=lvl-false');
    expect(withClaimFilters('?claim=c1&verdict=x&status=open', { verdict: 'all', status: 'resolved' })).toBe('?claim=c1&status=resolved');
  });

  it('leaves no "?" when nothing is left', () => {
    expect(withClaimFilters('?verdict=x', NO_CLAIM_FILTERS)).toBe('');
    expect(withClaimFilters('', NO_CLAIM_FILTERS)).toBe('');
  });

  it('encodes what it writes', () => {
    expect(withClaimFilters('', { verdict: 'a&b=c', status: 'all' })).toBe('?verdict=a%26b%3Dc');
  });
});
