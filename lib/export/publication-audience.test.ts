import { describe, expect, it } from 'vitest';
import { FIXTURE_EXCLUDED_CLAIM_ID, buildFixtureViewModel, buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';
import { renderClaimReviews } from './claimreview';
import { isPublicationFormat, EXPORT_FORMATS } from './formats';
import { toPublicationAudience } from './publication-audience';
import { renderW3cAnnotations } from './w3c';

describe('toPublicationAudience', () => {
  it('is the public view: no excluded claims, internal sources, reviewers or non-public comments', () => {
    const vm = toPublicationAudience(buildPublishedFixtureViewModel());
    expect(vm.audience).toBe('public');
    expect(vm.claims.map((c) => c.id)).not.toContain(FIXTURE_EXCLUDED_CLAIM_ID);
    expect(vm.claims.flatMap((c) => c.sources).every((s) => s.isPublic)).toBe(true);
    expect(vm.claims.flatMap((c) => c.reviewers)).toEqual([]);
    expect(vm.claims.flatMap((c) => c.replies).every((r) => r.showPublicly && r.contact === '')).toBe(true);
    expect(JSON.stringify(vm)).not.toContain('Checked the provincial table');
  });

  it('keeps the publication record and the article’s real status', () => {
    const source = buildPublishedFixtureViewModel();
    const vm = toPublicationAudience({ ...source, article: { ...source.article, status: 'in_review' } });
    expect(vm.publication).toEqual(source.publication);
    expect(vm.article.status).toBe('in_review');
  });

  it('leaves a never-published article without a publication, so its ClaimReview can only be a draft', () => {
    const vm = toPublicationAudience(buildFixtureViewModel());
    expect(vm.publication).toBeNull();
    expect(vm.article.status).toBe('ready');
    const reviews = renderClaimReviews(vm);
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.creativeWorkStatus === 'Draft')).toBe(true);
    expect(JSON.stringify(renderW3cAnnotations(vm))).not.toContain('tips.example.net');
  });

  it('applies to the W3C and ClaimReview formats only', () => {
    expect(EXPORT_FORMATS.filter(isPublicationFormat)).toEqual(['w3c', 'claimreview']);
  });
});
