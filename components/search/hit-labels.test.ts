import { describe, expect, it } from 'vitest';
import { SEARCH_DOC_KINDS } from '@/lib/domain/search';
import { hitKindLabel, moreHitsLabel, SEARCH_KIND_LABELS } from './hit-labels';

const claim = { id: 'c1', number: 3, claimText: 'x', claimant: 'y', status: null, verdict: null, decisionHidden: false };

describe('hitKindLabel', () => {
  it('numbers claims and names the rest', () => {
    expect(hitKindLabel({ kind: 'claim', claim })).toBe('Claim #3');
    expect(hitKindLabel({ kind: 'rationale', claim })).toBe('Rationale');
    expect(hitKindLabel({ kind: 'verdict_reason', claim })).toBe('Reviewer’s reason');
    expect(hitKindLabel({ kind: 'block' })).toBe('Article text');
    expect(hitKindLabel({ kind: 'title' })).toBe('Title');
    expect(hitKindLabel({ kind: 'source', claim })).toBe('Source');
    expect(hitKindLabel({ kind: 'comment', claim })).toBe('Comment');
  });

  it('has a label for every kind, and copes with a claim hit without its claim or an unknown kind', () => {
    for (const kind of SEARCH_DOC_KINDS) expect(SEARCH_KIND_LABELS[kind]).toBeTruthy();
    expect(hitKindLabel({ kind: 'claim' })).toBe('Claim');
    expect(hitKindLabel({ kind: 'nonsense' as never })).toBe('Match');
  });
});

describe('moreHitsLabel', () => {
  it('counts the rest of a group', () => {
    expect(moreHitsLabel(4, 'article')).toBe('+4 more in this article');
    expect(moreHitsLabel(1, 'library')).toBe('+1 more in this fact-check');
  });

  it('says nothing when there is nothing more', () => {
    for (const n of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(moreHitsLabel(n, 'article')).toBeNull();
  });
});
