/**
 * The partners' feed: the workspace's published ClaimReviews as one schema.org DataFeed (JSON-LD),
 * the shape lib/claim-review/parse.ts reads back. Pure. The reviews come from the public
 * snapshots (lib/export/claimreview.ts over what the public pages publish), so drafts, excluded
 * claims, internal sources and reviewers' votes cannot be in it.
 */
import type { ClaimReview } from '@/lib/export/claimreview';

export interface ClaimReviewFeed {
  '@context': 'https://schema.org';
  '@type': 'DataFeed';
  name: string;
  url?: string;
  dateModified: string;
  dataFeedElement: Array<Omit<ClaimReview, '@context'>>;
}

export interface ClaimReviewFeedInput {
  /** The fact-checking organisation (the workspace's organisation name). */
  organisation: string;
  organisationUrl: string | null;
  /** When the feed was generated (ISO datetime). */
  generatedAt: string;
  reviews: readonly ClaimReview[];
}

export function buildClaimReviewFeed(input: ClaimReviewFeedInput): ClaimReviewFeed {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: `ClaimReviews published by ${input.organisation}`,
    ...(input.organisationUrl ? { url: input.organisationUrl } : {}),
    dateModified: input.generatedAt,
    // One @context for the file; each element is a ClaimReview node.
    dataFeedElement: input.reviews.map(({ '@context': _context, ...review }) => review),
  };
}

/** The attachment's file name: claimreview-feed-<workspace slug>-<YYYY-MM-DD>.jsonld (ASCII only). */
export function claimReviewFeedFileName(workspaceSlug: string, generatedAt: string): string {
  const slug = workspaceSlug.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return `claimreview-feed-${slug}-${generatedAt.slice(0, 10)}.jsonld`;
}
