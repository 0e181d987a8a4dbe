import { describe, expect, it } from 'vitest';
import { toClaimRow } from '@/lib/editor/claim-rows';
import { claimFixture } from '@/test/fixtures/claim-dto';
import { rowHasUnsavedEdits } from './claim-draft';

const claim = claimFixture;

describe('rowHasUnsavedEdits', () => {
  it('compares field by field on a full claim, and counts any kept edit on a row', () => {
    expect(rowHasUnsavedEdits(claim, undefined)).toBe(false);
    expect(rowHasUnsavedEdits(claim, { edits: { claimant: 'The minister' } })).toBe(false);
    expect(rowHasUnsavedEdits(claim, { edits: { claimant: 'Someone else' } })).toBe(true);
    const row = toClaimRow(claim);
    expect(rowHasUnsavedEdits(row, { edits: {} })).toBe(false);
    expect(rowHasUnsavedEdits(row, { edits: { claimant: 'The minister' } })).toBe(true);
  });
});
