/**
 * The desk's memory (full-text search, "already checked" matches, the claim library): the shapes
 * shared by the index, the queries and the pages.
 */

/**
 * What one row of the search index (`search_docs`) holds. Database triggers keep every kind but
 * `block` in step with its table; article text blocks are indexed by the query layer
 * (db/queries/search-index.ts), which re-indexes only the blocks a text save changed.
 *
 * - `title`: an article's title, outlet and byline (ref_id = article id)
 * - `block`: one textblock of an article's text (ref_id = article id, block_index/block_start set)
 * - `claim`: a claim's quote, statement and claimant (ref_id = claim id)
 * - `rationale`: a claim's final rationale (ref_id = claim id) — part of the decision, blind review hides it
 * - `verdict_reason`: one reviewer's reason for their verdict (ref_id = claim_verdicts id, author_id = reviewer) — hidden like the decision
 * - `source`: a source's title, publisher, excerpt and URL (ref_id = source id)
 * - `comment`: a comment that is not deleted (ref_id = comment id, author_id = author)
 * - `library`: a claim library item (an imported ClaimReview; ref_id = item id, library_item_id set)
 */
export const SEARCH_DOC_KINDS = ['title', 'block', 'claim', 'rationale', 'verdict_reason', 'source', 'comment', 'library'] as const;
export type SearchDocKind = (typeof SEARCH_DOC_KINDS)[number];

/** Kinds that carry a claim's decision: blind review withholds them exactly as it withholds the rationale. */
export const DECISION_DOC_KINDS: readonly SearchDocKind[] = ['rationale', 'verdict_reason'];

/** How two claims are linked: `based_on` — the claim's verdict started from the earlier one ("Reuse"). */
export const CLAIM_LINK_KINDS = ['based_on'] as const;
export type ClaimLinkKind = (typeof CLAIM_LINK_KINDS)[number];
