import type { DocBlock } from '@/lib/editor/doc-blocks';

/**
 * The report view model: everything an export needs, built once from the database
 * (db/queries/report.ts) and rendered by the pure per-format modules in this folder.
 * Plain data only (strings, numbers, null) so renderers stay pure and testable.
 */

export interface ReportVerdict {
  key: string;
  label: string;
  /** #rrggbb */
  color: string;
  /** Numeric rating for ClaimReview; null for non-ordinal levels (e.g. Unproven). */
  value: number | null;
}

export interface ReportScale {
  name: string;
  /** Levels in display order. */
  levels: ReportVerdict[];
  /** Highest / lowest numeric value over the ordinal levels. */
  bestRating: number;
  worstRating: number;
}

export interface ReportPerson {
  id: string;
  name: string;
  email: string;
}

export interface ReportSource {
  id: string;
  url: string;
  title: string;
  publisher: string;
  /** The quoted passage (W3C TextQuoteSelector `exact` on `url`); '' when none. */
  excerpt: string;
  /**
   * Words just before / after the passage on the source page ('' when not given). Optional:
   * snapshots taken before passages had context lack them. Links go to the passage with a URL
   * text fragment (lib/export/claim-parts.ts sourcePassageUrl).
   */
  excerptPrefix?: string;
  excerptSuffix?: string;
  /** ISO date (YYYY-MM-DD) or null */
  accessedOn: string | null;
  /** Internal sources (the default) appear only in internal reports, marked as internal. */
  isPublic: boolean;
  /**
   * The public page's link to the archived copy of the source page (set when the page is served,
   * lib/server/archive/public-links.ts; never stored in a snapshot).
   */
  archiveUrl?: string;
}

export interface ReportComment {
  id: string;
  author: ReportPerson | null;
  /** Empty once deleted: reports keep who deleted it and when, never the text. */
  body: string;
  deleted: { by: ReportPerson | null; at: string } | null;
  /** ISO 8601 datetime */
  createdAt: string;
  updatedAt: string;
  /** Public comments are shown as notes from the desk on public pages. */
  isPublic: boolean;
}

/** Right of reply: one attempt to reach the claimant for comment. */
export interface ReportReplyAttempt {
  id: string;
  /** ISO date */
  contactedOn: string;
  method: string;
  /** Human label of the method, e.g. "Email". */
  methodLabel: string;
  /** Who was contacted; '' in public reports (internal detail). */
  contact: string;
  /** null: no response. */
  response: string | null;
  respondedOn: string | null;
  showPublicly: boolean;
}

export interface ReportReviewerVerdict {
  reviewer: ReportPerson;
  verdict: ReportVerdict;
  reason: string;
  createdAt: string;
}

export interface ReportHistoryEntry {
  id: string;
  actor: ReportPerson | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** One separate span of a multi-part claim (ReportClaim.parts). */
export interface ReportClaimPart {
  quote: { exact: string; prefix: string; suffix: string };
  /** Unicode code point offsets as stored (W3C TextPositionSelector). */
  position: { start: number; end: number };
  /** UTF-16 offsets into ReportArticle.text; null when this part's words are no longer there. */
  start: number | null;
  end: number | null;
  orphaned: boolean;
}

export interface ReportClaim {
  id: string;
  /** The claim's stable number (creation order, never reused); claims are listed in text order. */
  number: number;
  /** Set when excluded from the fact-check: why. Public reports leave excluded claims out. */
  exclusionReason: string | null;
  /**
   * UTF-16 offsets into ReportArticle.text; null when the claim is orphaned. For a multi-part
   * claim: the first part still found.
   */
  start: number | null;
  end: number | null;
  /** The first part's selectors (parts[0] of a multi-part claim). */
  quote: { exact: string; prefix: string; suffix: string };
  /** Unicode code point offsets (W3C TextPositionSelector). */
  position: { start: number; end: number };
  /** None of the claim's words are found (a multi-part claim with only some parts gone is `partial`, not orphaned). */
  orphaned: boolean;
  /**
   * Every span of a multi-part claim in text order (≥ 2). Absent for a single-part claim (its
   * span is quote/position/start/end) and in snapshots from before multi-part claims: read it
   * with claimParts() (lib/export/claim-parts.ts), which always gives ≥ 1 part.
   */
  parts?: ReportClaimPart[];
  claimText: string;
  claimant: string;
  /** ISO date the claim was made, or null. */
  claimDate: string | null;
  /** Where the claim appeared (a URL or a description), or null. */
  claimAppearance: string | null;
  /** The final verdict; null means pending (or hidden, see decisionHidden). */
  finalVerdict: ReportVerdict | null;
  rationale: string;
  /** null when hidden by blind review. */
  status: 'open' | 'in_review' | 'resolved' | null;
  /**
   * Blind review: the exporting reviewer has not given their own verdict on this claim, so its
   * decision (final verdict, rationale, status) is withheld and renderers say so.
   */
  decisionHidden: boolean;
  author: ReportPerson | null;
  reviewers: ReportReviewerVerdict[];
  sources: ReportSource[];
  replies: ReportReplyAttempt[];
  comments: ReportComment[];
  history: ReportHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface ReportArticle {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  byline: string;
  /** The original article's URL, or null. */
  url: string | null;
  /** The app's canonical URL for this article (always set). */
  canonicalUrl: string;
  publishedOn: string | null;
  language: string;
  sourceCredit: string;
  status: 'draft' | 'in_review' | 'ready' | 'published' | 'retracted';
  revision: number;
  /** Canonical plain text: paragraphs separated by "\n\n". */
  text: string;
  /**
   * The article's structure over `text` (lib/editor/doc-blocks.ts): its textblocks in order with
   * their offsets, kind (paragraph, heading level), containers (lists, items, quotes) and inline
   * formatting (bold, italic, strike, links). Absent in snapshots and reports from before it
   * existed: renderers then split `text` into paragraphs (lib/export/article-layout.ts).
   */
  blocks?: DocBlock[];
}

export interface ReportWorkspace {
  id: string;
  /** Used in public fact-check URLs: /fact-checks/<slug>/… */
  slug: string;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  /** Public URL of a published fact-check with `{article}` and `{claim}` placeholders, or null. */
  factCheckUrlPattern: string | null;
}

/** A correction published with a republication (IFCN corrections policy). */
export interface ReportCorrection {
  /** ISO datetime */
  at: string;
  note: string;
}

/** The article's publication record, as public pages and exports show it. */
export interface ReportPublication {
  /** ISO datetime of the first publication (ClaimReview datePublished). */
  firstPublishedAt: string;
  /** ISO datetime of the latest publication or correction (dateModified). */
  lastPublishedAt: string;
  /** Oldest first. */
  corrections: ReportCorrection[];
  /** Set once retracted: when and why. */
  retraction: { at: string; reason: string } | null;
}

export interface ReportViewModel {
  workspace: ReportWorkspace;
  article: ReportArticle;
  scale: ReportScale;
  claims: ReportClaim[];
  /**
   * `internal`: everything the desk sees (internal sources marked as such). `public`: what a
   * publication shows (lib/publishing/public-view.ts): public sources, public notes and replies
   * shown publicly, no reviewers, comments or history, excluded claims left out.
   */
  audience: 'internal' | 'public';
  /** null while never published. */
  publication: ReportPublication | null;
  /** ISO 8601 datetime the report was generated. */
  generatedAt: string;
  /** Base URL of this Claimdesk instance, e.g. http://localhost:3000 */
  appUrl: string;
}
