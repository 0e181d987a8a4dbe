import { describe, expect, it } from 'vitest';
import { claimantType, factCheckUrl, renderClaimReviews, renderClaimReviewsJson, type ClaimReview } from './claimreview';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

const vm = buildFixtureViewModel();
const reviews = renderClaimReviews(vm);
const byClaim = (n: number) => reviews.find((r) => r.url.endsWith(`#claim-${n}`));

/** Every string value (with its JSON path) in a JSON-LD tree. */
function strings(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe('ClaimReview JSON-LD', () => {
  it('has one review per claim with a final verdict; pending claims are omitted', () => {
    const rated = vm.claims.filter((c) => c.finalVerdict !== null);
    expect(reviews).toHaveLength(rated.length);
    expect(byClaim(4)).toBeUndefined();
    expect(reviews.some((r) => r.claimReviewed === 'Inflation halved in 2023.')).toBe(false);
    // An orphaned claim with a verdict is still a published fact-check.
    expect(byClaim(7)?.claimReviewed).toBe('The central bank printed 900 trillion rials.');
  });

  it.each(reviews.map((r) => [r.url, r] as const))('%s has every field Google requires', (_url, review: ClaimReview) => {
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed.trim()).not.toBe('');
    expect(review.url).toMatch(/^https?:\/\//);
    expect(review.author).toMatchObject({ '@type': 'Organization', name: 'Example Fact Check <Unit>', url: 'https://factcheck.example.org/' });
    expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rating = review.reviewRating as Record<string, unknown>;
    expect(rating['@type']).toBe('Rating');
    expect(typeof rating.alternateName).toBe('string');
    if ('ratingValue' in rating) {
      expect(rating.bestRating).toBe(5);
      expect(rating.worstRating).toBe(0);
      expect(rating.ratingValue).toBeGreaterThanOrEqual(0);
      expect(rating.ratingValue).toBeLessThanOrEqual(5);
    }
    expect(review.itemReviewed).toMatchObject({ '@type': 'Claim' });
    for (const [path, value] of strings(review)) {
      expect(value.trim(), path).not.toBe('');
      if (/\.(url|@id)$/.test(path)) expect(value, path).toMatch(/^https?:\/\//);
    }
  });

  it('gives ordinal verdicts a numeric rating and non-ordinal ones text only', () => {
    expect(byClaim(1)?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', ratingValue: 0, bestRating: 5, worstRating: 0 });
    expect(byClaim(2)?.reviewRating).toMatchObject({ alternateName: 'Mostly true', ratingValue: 4 });
    expect(byClaim(3)?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unproven' });
    expect(byClaim(6)?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Not checkable' });
  });

  it('describes the reviewed claim and where it appeared', () => {
    expect(byClaim(1)?.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'وزیر اقتصاد' },
      datePublished: '2024-03-05',
      appearance: [
        { '@type': 'CreativeWork', url: 'https://tv.example.ir/news/123' },
        {
          '@type': 'CreativeWork',
          url: 'https://news.example.com/economy/2024/minister?ref=a&b=1',
          headline: vm.article.title,
          datePublished: '2024-03-05',
          author: { '@type': 'Organization', name: 'News Example' },
          publisher: { '@type': 'Organization', name: 'News Example' },
        },
      ],
    });
    // No claim date → no datePublished; a javascript: appearance is dropped, the article remains.
    expect(byClaim(2)?.itemReviewed).not.toHaveProperty('datePublished');
    expect(byClaim(2)?.itemReviewed).toMatchObject({ author: { '@type': 'Organization', name: 'Ministry of Economy' } });
    expect(byClaim(5)?.itemReviewed).toMatchObject({ appearance: { '@type': 'CreativeWork', url: vm.article.url } });
  });

  it('builds the fact-check URL from the workspace pattern, with a fallback', () => {
    expect(byClaim(1)?.url).toBe('https://factcheck.example.org/checks/minister-economy-claims#claim-1');
    const noPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: null } };
    expect(factCheckUrl(noPattern, { id: 'c-1', number: 3 })).toBe('http://localhost:3000/articles/a-1#claim-3');
    const badPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: 'javascript:{claim}' } };
    expect(factCheckUrl(badPattern, { id: 'c-1', number: 3 })).toBe('http://localhost:3000/articles/a-1#claim-3');
    const idPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: 'https://x.example/{article}/{claimId}' } };
    expect(factCheckUrl(idPattern, { id: 'c 1', number: 3 })).toBe('https://x.example/minister-economy-claims/c%201');
  });

  it('omits empty fields instead of emitting empty strings', () => {
    const bare = {
      ...vm,
      workspace: { ...vm.workspace, organizationUrl: null },
      article: { ...vm.article, url: null, outlet: '', publishedOn: null },
      claims: vm.claims.map((c) => ({ ...c, claimant: '', claimDate: null, claimAppearance: null })),
    };
    for (const review of renderClaimReviews(bare)) {
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Check <Unit>' });
      expect(review.itemReviewed).toEqual({ '@type': 'Claim', appearance: { '@type': 'CreativeWork', headline: vm.article.title } });
      for (const [path, value] of strings(review)) expect(value.trim(), path).not.toBe('');
    }
  });

  it('serialises safely for a <script type="application/ld+json"> tag', () => {
    const json = renderClaimReviewsJson(vm);
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toEqual(reviews);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('@example.org');
  });

  it('guesses the claimant type conservatively', () => {
    expect(claimantType('Ministry of Economy')).toBe('Organization');
    expect(claimantType('وزارت اقتصاد')).toBe('Organization');
    expect(claimantType('Government spokesperson')).toBe('Person');
    expect(claimantType('وزیر اقتصاد')).toBe('Person');
    expect(claimantType('Jane Doe')).toBe('Person');
  });
});
