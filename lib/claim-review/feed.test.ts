import { describe, expect, it } from 'vitest';
import type { ClaimReview } from '@/lib/export/claimreview';
import { buildClaimReviewFeed, claimReviewFeedFileName } from './feed';
import { previewEntries } from './import-response';
import { libraryItemHref } from './links';
import { parseClaimReviews } from './parse';

const review = (n: number): ClaimReview => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://desk.example/fact-checks/ws/a/claims/${n}`,
  claimReviewed: `Claim ${n}`,
  reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
  author: { '@type': 'Organization', name: 'Desk' },
  datePublished: '2026-01-02',
});

describe('buildClaimReviewFeed', () => {
  it('is a DataFeed with one @context and the reviews as elements, read back by the parser', () => {
    const feed = buildClaimReviewFeed({ organisation: 'Desk', organisationUrl: 'https://desk.example', generatedAt: '2026-02-03T04:05:06.000Z', reviews: [review(1), review(2)] });
    expect(feed).toMatchObject({ '@context': 'https://schema.org', '@type': 'DataFeed', name: 'ClaimReviews published by Desk', url: 'https://desk.example', dateModified: '2026-02-03T04:05:06.000Z' });
    expect(feed.dataFeedElement.map((r) => r['@context' as keyof typeof r])).toEqual([undefined, undefined]);
    const parsed = parseClaimReviews(JSON.parse(JSON.stringify(feed)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.items.map((i) => [i.url, i.claimReviewed, i.ratingName, i.reviewOrg, i.reviewDate])).toEqual([
      ['https://desk.example/fact-checks/ws/a/claims/1', 'Claim 1', 'False', 'Desk', '2026-01-02'],
      ['https://desk.example/fact-checks/ws/a/claims/2', 'Claim 2', 'False', 'Desk', '2026-01-02'],
    ]);
    expect(buildClaimReviewFeed({ organisation: 'Desk', organisationUrl: null, generatedAt: 'x', reviews: [] })).not.toHaveProperty('url');
  });

  it('names the file safely', () => {
    expect(claimReviewFeedFileName('demo-desk', '2026-02-03T04:05:06.000Z')).toBe('claimreview-feed-demo-desk-2026-02-03.jsonld');
    expect(claimReviewFeedFileName('"; evil\r\n', '2026-02-03')).toBe('claimreview-feed-evil-2026-02-03.jsonld');
  });
});

describe('previewEntries', () => {
  it('lists every ClaimReview found in input order with its action or its errors', () => {
    const parsed = parseClaimReviews([
      { '@type': 'ClaimReview', url: 'javascript:x', claimReviewed: 'bad' },
      { '@type': 'ClaimReview', url: 'https://a.example.org/1', claimReviewed: 'good', datePublished: 'soon' },
    ]);
    const entries = previewEntries(parsed, ['update']);
    expect(entries.map((e) => [e.index, e.action, e.item?.claimReviewed ?? null, e.errors.length, e.warnings.length])).toEqual([
      [0, null, null, 1, 0],
      [1, 'update', 'good', 0, 1],
    ]);
  });
});

describe('libraryItemHref', () => {
  it('opens the item on its workspace’s library page', () => {
    expect(libraryItemHref('ws-1', 'item-2')).toBe('/library?workspace=ws-1#item-item-2');
  });
});
