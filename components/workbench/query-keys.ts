/**
 * Every server resource the workbench caches, one query key each. Live events and mutations name
 * these keys, so a change refreshes exactly what it touched. Keys under `['article', id]` are
 * dropped together on a resync.
 */
export const queryKeys = {
  /** The article row without text: versions, status, blind review. */
  article: (articleId: string) => ['article', articleId] as const,
  /** The saved text (ProseMirror JSON) and the revision it belongs to. */
  articleText: (articleId: string) => ['article', articleId, 'text'] as const,
  claims: (articleId: string) => ['article', articleId, 'claims'] as const,
  assignments: (articleId: string) => ['article', articleId, 'assignments'] as const,
  agreement: (articleId: string) => ['article', articleId, 'agreement'] as const,
  /** Publication state: blockers, public address, whether and when it was published, the log. */
  publication: (articleId: string) => ['article', articleId, 'publication'] as const,
  /** The public page as it would be published now (HTML), shown in the Publish dialog. */
  publicationPreview: (articleId: string) => ['article', articleId, 'publication', 'preview'] as const,
  /** The running review session (its view) and the past ones (GET /api/articles/:id/review-sessions). */
  reviewSessions: (articleId: string) => ['article', articleId, 'review-sessions'] as const,
  /** Check-worthiness suggestions and the latest Find claims run (GET /api/articles/:id/suggestions). */
  suggestions: (articleId: string) => ['article', articleId, 'suggestions'] as const,
  /** Every claim-scoped query (comments, verdicts, history of any claim). */
  allClaims: () => ['claim'] as const,
  claim: (claimId: string) => ['claim', claimId] as const,
  replies: (claimId: string) => ['claim', claimId, 'replies'] as const,
  comments: (claimId: string) => ['claim', claimId, 'comments'] as const,
  verdicts: (claimId: string) => ['claim', claimId, 'verdicts'] as const,
  history: (claimId: string) => ['claim', claimId, 'history'] as const,
  /** "Already checked?": similar earlier claims and the claim's "based on" links (components/claims/already-checked.tsx). */
  similar: (claimId: string) => ['claim', claimId, 'similar'] as const,
};

export type ClaimPart = 'comments' | 'verdicts' | 'history';
