import type { AnchorState, PartAnchorState } from './statuses';

// A claim and its sources as the API and the workbench see them.

export interface SourceDto {
  id: string;
  claimId: string;
  url: string;
  title: string;
  publisher: string;
  /** The quoted passage (W3C TextQuoteSelector `exact` on the source URL); '' when none. */
  excerpt: string;
  /** Words just before / after the passage on the source page, when the reviewer gave them; '' otherwise. */
  excerptPrefix: string;
  excerptSuffix: string;
  accessedOn: string | null;
  /** Public sources are published; internal ones (the default) never leave the desk. */
  isPublic: boolean;
  version: number;
  /** The newest archived copy of the page (taken when the source was attached), or null. */
  archive?: SourceArchiveDto | null;
}

/** A source's archived copy as lists show it (lib/server/archive takes it; source_archives). */
export interface SourceArchiveDto {
  id: string;
  status: 'pending' | 'done' | 'failed';
  /** ISO time the page was fetched (null until done). */
  takenAt: string | null;
  /** Why it failed, for people (null unless failed). */
  error: string | null;
  finalUrl: string | null;
  /** What can be opened: the rendered or fetched PDF, the readable text. */
  hasPdf: boolean;
  hasText: boolean;
}

/** One separate span of the article a claim covers (W3C: one SpecificResource target per part). */
export interface ClaimPart {
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points, W3C TextPositionSelector. */
  position: { start: number; end: number };
  anchorState: PartAnchorState;
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
  /** The first part's selectors (parts[0]); what single-span code (ordering, the list) reads. */
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points, W3C TextPositionSelector. */
  position: { start: number; end: number };
  /** Every span the claim covers, in text order; one for most claims, never empty. */
  parts: ClaimPart[];
  anchoredRevision: number;
  /** All parts found (`anchored`), some (`partial`) or none (`orphaned`). */
  anchorState: AnchorState;
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
