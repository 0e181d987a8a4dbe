// A claim and its sources as the API and the workbench see them.

export interface SourceDto {
  id: string;
  claimId: string;
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  accessedOn: string | null;
  /** Public sources are published; internal ones (the default) never leave the desk. */
  isPublic: boolean;
  version: number;
}

export interface ClaimDto {
  id: string;
  articleId: string;
  /** Stable per-article number (creation order): what is shown, exported and linked as "claim N". */
  number: number;
  /** Set when the claim is excluded from the fact-check ("not part of the fact-check"): why. */
  exclusionReason: string | null;
  /** ISO datetime the claim was first published, or null; a published claim cannot be deleted. */
  firstPublishedAt: string | null;
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points, W3C TextPositionSelector. */
  position: { start: number; end: number };
  anchoredRevision: number;
  anchorState: 'anchored' | 'orphaned';
  originalQuote: string;
  claimText: string;
  claimant: string;
  claimDate: string | null;
  claimAppearance: string | null;
  verdictId: string | null;
  rationale: string;
  /** null when blind review withholds it from this viewer (see verdictHidden). */
  status: 'open' | 'in_review' | 'resolved' | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  sources: SourceDto[];
  /**
   * True when blind review withholds the claim's decision from this viewer: the final verdict,
   * the rationale and the status (verdictId and status are then null, rationale empty).
   */
  verdictHidden: boolean;
}
