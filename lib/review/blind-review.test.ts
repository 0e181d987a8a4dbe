import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_VERDICT, redactClaimAudit, withholdDecision } from './blind-review';

describe('withholdDecision', () => {
  it('removes verdict, rationale and status and keeps everything else', () => {
    const claim = { id: 'c1', claimText: 'Unemployment fell', verdictId: 'lvl-false', rationale: 'It rose: FALSE.', status: 'resolved' as const };
    expect(withholdDecision(claim)).toEqual({ id: 'c1', claimText: 'Unemployment fell', verdictId: null, rationale: '', status: null });
    expect(claim.status).toBe('resolved');
  });

  it('has one user-facing phrase', () => {
    expect(HIDDEN_UNTIL_VERDICT).toBe('Hidden until you give your verdict');
  });
});

describe('redactClaimAudit', () => {
  it('strips decision fields from an update and says it hid something', () => {
    expect(redactClaimAudit({ action: 'update', before: { status: 'in_review', claimant: 'A' }, after: { status: 'resolved', claimant: 'B' } })).toEqual({
      before: { claimant: 'A' },
      after: { claimant: 'B' },
      hidDecision: true,
    });
    expect(redactClaimAudit({ action: 'update', before: { rationale: '' }, after: { rationale: 'FALSE because…' } })).toEqual({ before: {}, after: {}, hidDecision: true });
  });

  it('an update of other fields hides nothing', () => {
    expect(redactClaimAudit({ action: 'update', before: { claimant: 'A' }, after: { claimant: 'B' } })).toEqual({ before: { claimant: 'A' }, after: { claimant: 'B' }, hidDecision: false });
  });

  it('a create with a new claim’s decision (open, no verdict, no rationale) hides nothing; one with a decision does', () => {
    const fresh = { id: 'c1', claimText: 'x', verdictId: null, rationale: '', status: 'open' };
    expect(redactClaimAudit({ action: 'create', before: null, after: fresh })).toEqual({ before: null, after: { id: 'c1', claimText: 'x' }, hidDecision: false });
    expect(redactClaimAudit({ action: 'create', before: null, after: { ...fresh, status: 'resolved' } }).hidDecision).toBe(true);
    expect(redactClaimAudit({ action: 'delete', before: { ...fresh, verdictId: 'lvl-true' }, after: null }).hidDecision).toBe(true);
  });

  it('passes odd audit values (null, strings, arrays) through without throwing', () => {
    expect(redactClaimAudit({ action: 'update', before: null, after: null })).toEqual({ before: null, after: null, hidDecision: false });
    expect(redactClaimAudit({ action: 'update', before: 'legacy text', after: ['a'] })).toEqual({ before: 'legacy text', after: ['a'], hidDecision: false });
  });
});
