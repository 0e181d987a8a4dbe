import type { ArticleStatus, ClaimStatus } from '@/lib/domain/statuses';
import type { SearchDocKind } from '@/lib/domain/search';
import type { ParsedLibraryItem } from '@/lib/claim-review/parse';

/**
 * Contracts of the desk's memory, shared by the queries (db/queries/search.ts,
 * db/queries/similar-claims.ts, db/queries/claim-library.ts), the API routes and the pages.
 * Pure types: safe to import from client components.
 */

/** The filters of the search page, all optional; they live in the URL (/search?q=…&verdict=…). */
export interface SearchFilters {
  /** Rating level id of the claim's final verdict (claims under blind review hidden from the viewer never match). */
  verdictId?: string;
  claimStatus?: ClaimStatus;
  /** Claimant, matched case-insensitively as a whole name. */
  claimant?: string;
  /** A reviewer (user id): claims they gave a verdict on, were assigned, or authored. */
  reviewerId?: string;
  articleStatus?: ArticleStatus;
  /** ISO dates (YYYY-MM-DD), inclusive, on the article's date (published on, else created). */
  from?: string;
  to?: string;
  /** Only these kinds of text (default: all). */
  kinds?: SearchDocKind[];
  /** Only this workspace (default: every workspace the viewer belongs to). */
  workspaceId?: string;
}

export interface SearchParams extends SearchFilters {
  /** What the user typed; sanitised by lib/search/query.ts (never a syntax error). */
  q: string;
  /** Results are grouped by article (library items form their own groups); page through groups. */
  limit?: number;
  offset?: number;
}

/** A piece of the snippet: `match` pieces are the words that matched (rendered as <mark>). Never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchDocKind;
  /** search_docs.id */
  docId: number;
  snippet: SnippetPart[];
  /** Smaller is better (bm25 / -ts_rank), comparable within one response only. */
  rank: number;
  claim?: {
    id: string;
    number: number;
    claimText: string;
    claimant: string;
    status: ClaimStatus | null;
    /** null when there is none or when blind review hides it from the viewer (then `decisionHidden`). */
    verdict: { id: string; label: string; color: string } | null;
    decisionHidden: boolean;
  };
  /** For `block` hits: where the block starts in the article's plain text (open the article there). */
  blockStart?: number;
  /** Where the hit opens: /articles/:id?claim=…, /articles/:id?at=…, or /library#item-… */
  href: string;
}

export interface SearchResultGroup {
  /** An article, or (for library items) the external fact-check. */
  type: 'article' | 'library';
  id: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
  articleStatus?: ArticleStatus;
  /** The article's date (published on) or the library item's review date. */
  date: string | null;
  /** Library items: the organisation that published the review, and its URL. */
  reviewOrg?: string;
  url?: string | null;
  href: string;
  /** Best first. At most 5 per group; `moreHits` counts the rest. */
  hits: SearchHit[];
  moreHits: number;
}

export interface SearchResults {
  /** The query as it was run, after sanitising (shown when it differs from what was typed). */
  query: string;
  /** Set when the typed query had to be changed ("Unbalanced quote ignored"). */
  notice?: string;
  groups: SearchResultGroup[];
  /** Total number of matching groups (articles + library items). */
  totalGroups: number;
  tookMs: number;
}

/** One "Already checked?" suggestion for a claim. */
export interface SimilarClaim {
  type: 'claim' | 'library';
  id: string;
  /** 0–1, the explainable score (lib/search/similarity.ts). */
  score: number;
  /** Why it matched, in words: "shares 'inflation', '40%', 'Raisi'". */
  reasons: string[];
  claimText: string;
  claimant: string;
  /** ISO date of the claim (or of the review, for library items). */
  date: string | null;
  verdict: { label: string; color: string | null } | null;
  decisionHidden: boolean;
  rationale: string;
  /** For claims: the article it is in. For library items: the reviewing organisation. */
  articleId?: string;
  articleTitle?: string;
  claimNumber?: number;
  reviewOrg?: string;
  /** In-app link for claims; the fact-check URL for library items (external: open in a new tab). */
  href: string;
  external: boolean;
}

/** A claim library item as lists and the API return it. */
export interface LibraryItemDto extends ParsedLibraryItem {
  id: string;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** "Based on" links of a claim, both ways. */
export interface ClaimLinkDto {
  id: string;
  direction: 'based_on' | 'basis_of';
  createdAt: string;
  createdBy: string | null;
  /** The other side: a claim (in any article of the workspace) or a library item. */
  other:
    | { type: 'claim'; id: string; number: number; claimText: string; articleId: string; articleTitle: string; href: string }
    | { type: 'library'; id: string; claimReviewed: string; reviewOrg: string; ratingName: string; href: string };
}
