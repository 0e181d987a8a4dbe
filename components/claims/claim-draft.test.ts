import { describe, expect, it } from 'vitest';
import type { ClaimDto } from '@/lib/domain/claims';
import { toClaimRow } from '@/lib/editor/claim-rows';
import { rowHasUnsavedEdits } from './claim-draft';

const source = { id: 's1', claimId: 'c1', url: 'https://example.org', title: 'T', publisher: 'P', excerpt: 'e'.repeat(2000), accessedOn: null, isPublic: false, version: 1 };

const claim: ClaimDto = {
  id: 'c1',
  articleId: 'a1',
  number: 7,
  exclusionReason: null,
  firstPublishedAt: null,
  quote: { exact: 'unemployment fell to 4 percent', prefix: 'The minister said that ', suffix: ' last year' },
  position: { start: 120, end: 150 },
  anchoredRevision: 3,
  anchorState: 'anchored',
  originalQuote: 'unemployment fell to 4 percent',
  claimText: 'Unemployment fell to 4 percent. '.repeat(40),
  claimant: 'The minister',
  claimDate: '2026-01-01',
  claimAppearance: 'Speech',
  verdictId: 'level-1',
  rationale: 'Because '.repeat(500),
  status: 'in_review',
  authorId: 'u1',
  authorName: 'Ana',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 4,
  sources: [source, { ...source, id: 's2' }],
  verdictHidden: false,
};

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
