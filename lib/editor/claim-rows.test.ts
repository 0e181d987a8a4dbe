import { describe, expect, it } from 'vitest';
import type { ClaimDto } from '@/lib/domain/claims';
import { isFullClaim, ROW_TEXT_LIMIT, shorten, sourceCountOf, toClaimRow } from './claim-rows';

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

describe('toClaimRow', () => {
  it('keeps what the list and highlights need and drops the rest', () => {
    const row = toClaimRow(claim);
    expect(row).toMatchObject({ id: 'c1', number: 7, version: 4, position: { start: 120, end: 150 }, anchoredRevision: 3, anchorState: 'anchored', verdictId: 'level-1', status: 'in_review', verdictHidden: false, sourceCount: 2 });
    expect(row.quote).toEqual({ exact: 'unemployment fell to 4 percent' });
    expect(row.originalQuote).toBe('');
    expect(row.claimText.length).toBeLessThanOrEqual(ROW_TEXT_LIMIT);
    expect(row.claimText.endsWith('…')).toBe(true);
    for (const key of ['rationale', 'sources', 'claimDate', 'claimAppearance', 'authorName', 'createdAt', 'articleId']) expect(row).not.toHaveProperty(key);
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(claim).length / 10);
  });

  it('keeps a shortened original quote for an orphan, and what blind review withheld stays withheld', () => {
    const orphan = toClaimRow({ ...claim, anchorState: 'orphaned', originalQuote: 'q'.repeat(500) });
    expect(orphan.originalQuote.length).toBe(ROW_TEXT_LIMIT);
    const hidden = toClaimRow({ ...claim, verdictId: null, status: null, rationale: '', verdictHidden: true });
    expect(hidden).toMatchObject({ verdictId: null, status: null, verdictHidden: true });
  });

  it('a row is not a full claim; a full claim is a valid row', () => {
    const row = toClaimRow(claim);
    expect(isFullClaim(row)).toBe(false);
    expect(isFullClaim(claim)).toBe(true);
    expect(sourceCountOf(row)).toBe(2);
    expect(sourceCountOf(claim)).toBe(2);
    expect(sourceCountOf({ ...row, sourceCount: undefined })).toBe(0);
  });
});

describe('shorten', () => {
  it('leaves short text alone and never splits a surrogate pair', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('abcdef', 4)).toBe('abc…');
    // 'ab😀…': the cut would fall inside the emoji (a surrogate pair), so it goes before it.
    const cut = shorten('ab😀defgh', 4);
    expect(cut).toBe('ab…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
    expect(shorten('', 4)).toBe('');
  });
});
