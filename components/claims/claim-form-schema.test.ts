import { describe, expect, it } from 'vitest';
import type { ClaimDraft } from './claim-draft';
import { claimFormSchema } from './claim-form-schema';

const valid: ClaimDraft = { claimText: 'Unemployment fell', claimant: 'The minister', claimDate: '', claimAppearance: '', verdictId: null, rationale: '', status: 'open' };

function errorsOf(draft: Partial<ClaimDraft>): Record<string, string> {
  const result = claimFormSchema.safeParse({ ...valid, ...draft });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('claimFormSchema (the server rules, in the form)', () => {
  it('accepts a claim as the form holds it (empty date and place, withheld status)', () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({ status: null })).toEqual({});
    expect(errorsOf({ claimDate: '2017-11-21' })).toEqual({});
  });

  it.each([
    [{ claimText: '   ' }, 'claimText', 'The claim statement cannot be empty.'],
    [{ claimDate: '2017-02-30' }, 'claimDate', 'Use a date like 2017-11-21.'],
    [{ rationale: 'x'.repeat(20001) }, 'rationale', 'Rationale is too long (20,000 characters at most).'],
    [{ status: 'done' as ClaimDraft['status'] }, 'status', 'Status must be open, in review or resolved.'],
    [{ verdictId: 'not-an-id' }, 'verdictId', 'Invalid id.'],
  ])('refuses %j with a message on %s', (draft, field, message) => {
    expect(errorsOf(draft)[field]).toBe(message);
  });

  it('refuses a claimant over 200 characters', () => {
    expect(errorsOf({ claimant: 'x'.repeat(201) }).claimant).toBeDefined();
  });
});
