import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ANCHOR_STATES, CLAIM_STATUSES } from '@/lib/domain/statuses';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { ratingLevels } from './rating-scales';
import { users } from './users';
import { workspaces } from './workspaces';

/** A claim is a stand-off annotation: W3C selectors into the article's plain text, never a mark in the document. */
export const claims = sqliteTable(
  'claims',
  {
    id: id(),
    /** Denormalised so every query can be scoped to the caller's workspace. */
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    // TextQuoteSelector
    quoteExact: text('quote_exact').notNull(),
    quotePrefix: text('quote_prefix').notNull().default(''),
    quoteSuffix: text('quote_suffix').notNull().default(''),
    // TextPositionSelector (Unicode code points, per the W3C model)
    positionStart: integer('position_start').notNull(),
    positionEnd: integer('position_end').notNull(),
    /** The article revision the selectors were last changed at; they hold for later revisions until rewritten (every text save re-anchors all claims and rewrites those that moved). */
    anchoredRevision: integer('anchored_revision').notNull(),
    /** Claim level: all parts found (anchored), some (partial) or none (orphaned). */
    anchorState: text('anchor_state', { enum: ANCHOR_STATES }).notNull().default('anchored'),
    /** null: a single-part claim (the quote/position columns are its part). Otherwise a JSON array of ALL parts (≥ 2), `{ exact, prefix, suffix, start, end, state }`, the columns mirroring parts[0]: read and write it only through lib/claims/parts. */
    partsJson: text('parts_json'),
    /** The words first highlighted; kept for orphans and history. */
    originalQuote: text('original_quote').notNull(),
    /** Normalised statement of the claim (defaults to the quote). */
    claimText: text('claim_text').notNull(),
    claimant: text('claimant').notNull().default(''),
    /** ISO date the claim was made. */
    claimDate: text('claim_date'),
    /** Where the claim appeared (URL or description). */
    claimAppearance: text('claim_appearance'),
    /** The final verdict — what reports export. */
    verdictId: text('verdict_id').references(() => ratingLevels.id, { onDelete: 'restrict' }),
    rationale: text('rationale').notNull().default(''),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('open'),
    /** Stable per-article number (1, 2, 3 … in creation order), never reused or changed. */
    number: integer('number').notNull().default(0),
    /** Set when the claim is excluded from the fact-check ("not part of the fact-check"): why. */
    exclusionReason: text('exclusion_reason'),
    /** When the claim was first published; a published claim can be excluded but never deleted. */
    firstPublishedAt: integer('first_published_at', { mode: 'timestamp_ms' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('claims_article_idx').on(t.articleId), uniqueIndex('claims_article_number_idx').on(t.articleId, t.number), index('claims_workspace_idx').on(t.workspaceId)],
);
