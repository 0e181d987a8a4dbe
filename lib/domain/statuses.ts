/** Review states of claims and articles: `as const` tuples so zod schemas, Drizzle columns and UI read one list. */
export const CLAIM_STATUSES = ['open', 'in_review', 'resolved'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * `published` and `retracted` are locked (lib/publishing/lock.ts). A published article reopened for
 * correction goes back to `in_review`; its public pages keep the last publication until republished.
 */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'ready', 'published', 'retracted'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Whether a claim's stored selectors still resolve in the article's current text: all of its parts
 * (`anchored`), some of them (`partial`, a multi-part claim with a part whose words are gone) or none.
 */
export const ANCHOR_STATES = ['anchored', 'partial', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];
/** Whether one part of a claim resolves in the article's current text. */
export type PartAnchorState = 'anchored' | 'orphaned';
