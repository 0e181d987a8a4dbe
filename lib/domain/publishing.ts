/**
 * Publishing vocabulary shared by the schema, validation, queries and UI: `as const` tuples so zod
 * schemas, Drizzle columns and components read one list.
 */

/**
 * What happened to an article's public fact-check, one row per step (article_publications):
 * `published` (first time), `corrected` (republished after a reopen, with a correction note),
 * `reopened` (editing again; the public page keeps the last publication), `retracted` (withdrawn).
 */
export const PUBLICATION_KINDS = ['published', 'corrected', 'reopened', 'retracted'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** How the claimant was contacted for comment (right of reply). */
export const REPLY_METHODS = ['email', 'phone', 'message', 'social_media', 'in_person', 'letter', 'other'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];

export const REPLY_METHOD_LABELS: Record<ReplyMethod, string> = {
  email: 'Email',
  phone: 'Phone',
  message: 'Text message',
  social_media: 'Social media',
  in_person: 'In person',
  letter: 'Letter',
  other: 'Other',
};

/** Why publishing is refused until resolved (or overridden by an owner with a reason). */
export const PUBLISH_BLOCKER_KINDS = ['no_claims', 'no_final_verdict', 'orphaned'] as const;
export type PublishBlockerKind = (typeof PUBLISH_BLOCKER_KINDS)[number];

export interface PublishBlocker {
  kind: PublishBlockerKind;
  /** The claim that blocks (null for article-wide blockers such as `no_claims`). */
  claimId: string | null;
  claimNumber: number | null;
  message: string;
}

/** One right-of-reply attempt as the API returns it. */
export interface ReplyAttemptDto {
  id: string;
  claimId: string;
  /** ISO date (YYYY-MM-DD). */
  contactedOn: string;
  method: ReplyMethod;
  /** Who was contacted and how; internal, never published. */
  contact: string;
  /** null: no response (yet). */
  response: string | null;
  respondedOn: string | null;
  showPublicly: boolean;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One step of an article's publication log, as the API returns it (no snapshot). */
export interface PublicationEntryDto {
  id: string;
  sequence: number;
  kind: PublicationKind;
  note: string;
  overrideReason: string | null;
  overriddenBlockers: PublishBlocker[];
  actorId: string | null;
  actorName: string | null;
  /** ISO datetime. */
  createdAt: string;
}

/** GET /api/articles/:id/publication */
export interface PublicationStateDto {
  articleId: string;
  status: 'draft' | 'in_review' | 'ready' | 'published' | 'retracted';
  version: number;
  /** Whether the article has ever been published (a republish then needs a correction note). */
  everPublished: boolean;
  firstPublishedAt: string | null;
  /** What stops publishing now (empty: nothing). */
  blockers: PublishBlocker[];
  /** Signed-out URL of the public fact-check page (what it will be, before the first publication). */
  publicUrl: string;
  log: PublicationEntryDto[];
}
