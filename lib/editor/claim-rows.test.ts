import { describe, expect, it } from 'vitest';
import { claimFixture } from '@/test/fixtures/claim-dto';
import { isFullClaim, partsOfRow, ROW_TEXT_LIMIT, shorten, sourceCountOf, toClaimRow } from './claim-rows';

const claim = claimFixture;

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

describe('parts on a row', () => {
  const twoParts = {
    ...claim,
    anchorState: 'partial' as const,
    parts: [
      claim.parts[0]!,
      { quote: { exact: 'last year', prefix: 'percent ', suffix: '.' }, position: { start: 151, end: 160 }, anchorState: 'orphaned' as const },
    ],
  };

  it('carries parts (slim: no context) only for a claim with two or more', () => {
    expect(toClaimRow(claim)).not.toHaveProperty('parts');
    const row = toClaimRow(twoParts);
    expect(row.parts).toEqual([
      { position: { start: 120, end: 150 }, quote: { exact: 'unemployment fell to 4 percent' }, anchorState: 'anchored' },
      { position: { start: 151, end: 160 }, quote: { exact: 'last year' }, anchorState: 'orphaned' },
    ]);
    expect(row.anchorState).toBe('partial');
    // A partly orphaned claim shows the words first marked, like an orphan.
    expect(row.originalQuote).toBe(claim.originalQuote);
  });

  it('partsOfRow: the parts, or the one part a single-part row describes (never empty)', () => {
    expect(partsOfRow(toClaimRow(twoParts))).toHaveLength(2);
    expect(partsOfRow(toClaimRow(claim))).toEqual([{ position: { start: 120, end: 150 }, quote: { exact: 'unemployment fell to 4 percent' }, anchorState: 'anchored' }]);
    expect(partsOfRow(toClaimRow({ ...claim, anchorState: 'orphaned' }))[0]!.anchorState).toBe('orphaned');
    expect(partsOfRow({ ...toClaimRow(claim), parts: [] })).toHaveLength(1);
    // A full claim is a row too: its parts as they are.
    expect(partsOfRow(twoParts)).toBe(twoParts.parts);
  });
});
