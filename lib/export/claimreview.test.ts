import { describe, expect, it } from 'vitest';
import { CLAIMREVIEW_NOT_PUBLISHED, buildClaimReview, claimReviewRefusal, claimantType, factCheckUrl, isDraftClaimReview, renderClaimReviews, renderClaimReviewsJson, type ClaimReview } from './claimreview';
import {
  FIXTURE_EXCLUDED_CLAIM_ID,
  FIXTURE_GONE_PART,
  FIXTURE_LEVELS,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildFixtureViewModel,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';

// Published 8 March, corrected 10 March; claim 8 is excluded from the fact-check.
const vm = buildPublishedFixtureViewModel();
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
    expect(review.datePublished).toBe('2024-03-08');
    expect(review.dateModified).toBe('2024-03-10');
    expect(review).not.toHaveProperty('creativeWorkStatus');
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

  it('builds the fact-check URL from the workspace pattern, else Claimdesk’s public claim page', () => {
    expect(byClaim(1)?.url).toBe('https://factcheck.example.org/checks/minister-economy-claims#claim-1');
    const noPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: null } };
    expect(factCheckUrl(noPattern, { id: 'c-1', number: 3 })).toBe('http://localhost:3000/fact-checks/verification-desk/minister-economy-claims/claims/3');
    const badPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: 'javascript:{claim}' } };
    expect(factCheckUrl(badPattern, { id: 'c-1', number: 3 })).toBe('http://localhost:3000/fact-checks/verification-desk/minister-economy-claims/claims/3');
    const idPattern = { ...vm, workspace: { ...vm.workspace, factCheckUrlPattern: 'https://x.example/{article}/{claimId}' } };
    expect(factCheckUrl(idPattern, { id: 'c 1', number: 3 })).toBe('https://x.example/minister-economy-claims/c%201');
    const odd = { ...noPattern, appUrl: 'https://desk.example/', workspace: { ...noPattern.workspace, slug: 'a b' }, article: { ...vm.article, slug: 'x/y' } };
    expect(factCheckUrl(odd, { id: 'c-1', number: 12 })).toBe('https://desk.example/fact-checks/a%20b/x%2Fy/claims/12');
  });

  it('uses the stable claim number, not the position in the text, in every URL', () => {
    // The excluded claim 8 stands between claims 2 and 3 in the text; numbers keep their claims.
    const renumbered = { ...vm, claims: vm.claims.map((c) => (c.id === 'c-exports' ? { ...c, number: 42 } : c)) };
    const urls = renderClaimReviews(renumbered).map((r) => r.url);
    expect(urls).toContain('https://factcheck.example.org/checks/minister-economy-claims#claim-42');
    expect(urls).not.toContain('https://factcheck.example.org/checks/minister-economy-claims#claim-3');
    const pages = renderClaimReviews({ ...renumbered, workspace: { ...vm.workspace, factCheckUrlPattern: null } }).map((r) => r.url);
    expect(pages).toContain('http://localhost:3000/fact-checks/verification-desk/minister-economy-claims/claims/42');
  });

  it('leaves excluded claims out, even with a final verdict, and never names a source', () => {
    const rated = { ...vm, claims: vm.claims.map((c) => (c.id === FIXTURE_EXCLUDED_CLAIM_ID ? { ...c, finalVerdict: FIXTURE_LEVELS.true, rationale: 'x' } : c)) };
    const out = renderClaimReviews(rated);
    expect(out.map((r) => r.url)).not.toContain('https://factcheck.example.org/checks/minister-economy-claims#claim-8');
    expect(out).toHaveLength(reviews.length);
    const excluded = rated.claims.find((c) => c.id === FIXTURE_EXCLUDED_CLAIM_ID)!;
    expect(() => buildClaimReview(rated, excluded)).toThrow('Claim 8 is not part of the fact-check');
    const json = renderClaimReviewsJson(vm);
    for (const source of vm.claims.flatMap((c) => c.sources)) if (source.url.startsWith('http')) expect(json).not.toContain(new URL(source.url).host);
  });

  it('builds the one ClaimReview of a claim page with buildClaimReview', () => {
    const claim = vm.claims.find((c) => c.number === 5)!;
    expect(buildClaimReview(vm, claim)).toEqual(byClaim(5));
    expect(() => buildClaimReview(vm, vm.claims.find((c) => c.number === 4)!)).toThrow('Claim 4 has no final verdict');
  });

  it('dates the review by its publication: first published day, and dateModified only once corrected', () => {
    const uncorrected = { ...vm, publication: { ...vm.publication!, lastPublishedAt: vm.publication!.firstPublishedAt, corrections: [] } };
    const [first] = renderClaimReviews(uncorrected);
    expect(first?.datePublished).toBe('2024-03-08');
    expect(first).not.toHaveProperty('dateModified');
    // Not the claim's own dates, nor the day the file was generated.
    expect(reviews.every((r) => r.datePublished === '2024-03-08')).toBe(true);
    // The day is the report's zone day (UTC), whatever the time.
    const late = { ...vm, publication: { ...vm.publication!, firstPublishedAt: '2024-03-08T23:59:59.000Z' } };
    expect(renderClaimReviews(late)[0]?.datePublished).toBe('2024-03-08');
  });

  it('marks an unpublished or explicitly draft export as a Draft without publication dates', () => {
    const unpublished = buildFixtureViewModel();
    expect(isDraftClaimReview(unpublished)).toBe(true);
    const drafts = renderClaimReviews(unpublished);
    expect(drafts.length).toBeGreaterThan(0);
    for (const review of drafts) {
      expect(review.creativeWorkStatus).toBe('Draft');
      expect(review).not.toHaveProperty('datePublished');
      expect(review).not.toHaveProperty('dateModified');
    }
    // A reopened article still has a publication record: the route asks for a draft explicitly.
    expect(isDraftClaimReview(vm, { draft: true })).toBe(true);
    expect(renderClaimReviews(vm, { draft: true }).every((r) => r.creativeWorkStatus === 'Draft' && !('datePublished' in r))).toBe(true);
    expect(isDraftClaimReview(vm, { draft: false })).toBe(false);
    // No publication record cannot be turned into published markup.
    expect(isDraftClaimReview(unpublished, { draft: false })).toBe(true);
  });

  it('is refused for an article that is not published, unless a draft is asked for', () => {
    expect(claimReviewRefusal('published', { draft: false })).toBeNull();
    expect(claimReviewRefusal('published', { draft: true })).toBeNull();
    for (const status of ['draft', 'in_review', 'ready'] as const) {
      expect(claimReviewRefusal(status, { draft: false })).toBe('This fact-check is not published. Publish it first, or export a draft (draft=1).');
      expect(claimReviewRefusal(status, { draft: true })).toBeNull();
    }
    expect(CLAIMREVIEW_NOT_PUBLISHED).toContain('draft=1');
    expect(claimReviewRefusal('retracted', { draft: false })).toMatch(/^This fact-check was retracted, so it has no ClaimReview\..*draft=1/);
    expect(claimReviewRefusal('retracted', { draft: true })).toBeNull();
    expect(claimReviewRefusal('ready', { draft: false, draftOption: '--draft' })).toBe('This fact-check is not published. Publish it first, or export a draft (--draft).');
  });

  it('has no ClaimReview for a retracted fact-check (unless a draft is asked for)', () => {
    const retracted = { ...vm, publication: { ...vm.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: 'The figures were wrong.' } } };
    expect(renderClaimReviews(retracted)).toEqual([]);
    expect(renderClaimReviews(retracted, { draft: true }).length).toBe(reviews.length);
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

describe('ClaimReview of multi-part claims', () => {
  const multi = { ...buildMultiPartFixtureViewModel(), publication: buildPublishedFixtureViewModel().publication };
  const reviews = renderClaimReviews(multi);
  const reviewOf = (n: number) => reviews.find((r) => r.url.endsWith(`#claim-${n}`));

  it('reviews the claim statement, never the quote, when there is one', () => {
    expect(reviewOf(FIXTURE_TWO_PART_CLAIM_NUMBER)?.claimReviewed).toBe('The economy minister said exports grew 12%.');
  });

  it("falls back to the parts joined by ' … ' without a statement (a partly orphaned claim still has its review)", () => {
    expect(reviewOf(FIXTURE_PARTIAL_CLAIM_NUMBER)?.claimReviewed).toBe(`${FIXTURE_GONE_PART} … appeared in a caption`);
  });

  it('never carries sources or passages', () => {
    const json = renderClaimReviewsJson(multi);
    expect(json).not.toContain('customs.example.org');
    expect(json).not.toContain(':~:text=');
    expect(reviews).toHaveLength(multi.claims.filter((c) => c.finalVerdict && !c.exclusionReason).length);
  });
});
