/** Shared enum values: `as const` tuples so zod schemas, Drizzle columns and UI read one list. */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CLAIM_STATUSES = ['open', 'in_review', 'resolved'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ARTICLE_STATUSES = ['draft', 'in_review', 'ready', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Whether a claim's stored selectors still resolve in the article's current text. */
export const ANCHOR_STATES = ['anchored', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/** What a mailed single-use link is for. */
export const EMAIL_TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

export const INVITATION_DELIVERIES = ['email', 'link'] as const;
export type InvitationDelivery = (typeof INVITATION_DELIVERIES)[number];
