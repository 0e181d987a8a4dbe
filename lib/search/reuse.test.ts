import { describe, expect, it } from 'vitest';
import { reuseVerdictSchema } from './reuse';

const id = '3f2a8c1e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('reuseVerdictSchema', () => {
  it('takes an earlier claim or a library item, and the version', () => {
    expect(reuseVerdictSchema.parse({ from: { claimId: id }, version: 3 })).toEqual({ from: { claimId: id }, version: 3 });
    expect(reuseVerdictSchema.parse({ from: { libraryItemId: id }, version: 1 })).toEqual({ from: { libraryItemId: id }, version: 1 });
  });
  it.each([
    [{ from: { claimId: id } }],
    [{ from: { claimId: 'not-a-uuid' }, version: 1 }],
    [{ from: { claimId: id, libraryItemId: id }, version: 1 }],
    [{ from: {}, version: 1 }],
    [{ from: id, version: 1 }],
    [{ from: { claimId: id }, version: 0 }],
    [{ from: { claimId: id }, version: '1' }],
    [null],
    ['reuse'],
  ])('refuses %j', (body) => {
    expect(reuseVerdictSchema.safeParse(body).success).toBe(false);
  });
});
