import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CLAIM_LINK_KINDS, SEARCH_DOC_KINDS } from '@/lib/domain/search';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Other fact-checkers' published work, imported as ClaimReview JSON-LD: the workspace's claim
 * library. One row per review URL (re-importing the same URL updates it).
 */
export const claimLibraryItems = sqliteTable(
  'claim_library_items',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The ClaimReview's `url` (the fact-check page): the item's identity within the workspace. */
    url: text('url').notNull(),
    claimReviewed: text('claim_reviewed').notNull(),
    /** `itemReviewed.author.name` (person or organisation who made the claim). */
    claimant: text('claimant').notNull().default(''),
    /** ISO date the claim was made (`itemReviewed.datePublished`). */
    claimDate: text('claim_date'),
    /** Where the claim appeared (`itemReviewed.appearance` URL or `firstAppearance`). */
    claimAppearance: text('claim_appearance'),
    /** The fact-checking organisation (`author.name`) and its site. */
    reviewOrg: text('review_org').notNull().default(''),
    reviewOrgUrl: text('review_org_url'),
    /** `reviewRating.alternateName`: the rating in words ("False", "Mostly true"). */
    ratingName: text('rating_name').notNull().default(''),
    ratingValue: real('rating_value'),
    bestRating: real('best_rating'),
    worstRating: real('worst_rating'),
    /** ISO date the review was published (`datePublished`). */
    reviewDate: text('review_date'),
    /** BCP 47 language (`inLanguage`), when given. */
    language: text('language'),
    importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('claim_library_items_workspace_url_idx').on(t.workspaceId, t.url)],
);

/**
 * One row per indexed piece of text (kinds in lib/domain/search.ts). Full-text indexes over `body`
 * are outside the Drizzle schema (migration 0006): FTS5 tables `search_fts` (unicode61,
 * diacritics removed) and `search_trigram` (trigram) on SQLite, a tsvector column and a pg_trgm
 * index on PostgreSQL. Rows of other kinds than `block` are written by triggers only.
 */
export const searchDocs = sqliteTable(
  'search_docs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    libraryItemId: text('library_item_id').references(() => claimLibraryItems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SEARCH_DOC_KINDS }).notNull(),
    /** The id of the row the text comes from (see SEARCH_DOC_KINDS). */
    refId: text('ref_id').notNull(),
    /** Who wrote it (comments, reviewer verdicts): blind review shows a reviewer their own reasons. */
    authorId: text('author_id'),
    /** For blocks: the block's index in the document and where it starts in the article's plain text (UTF-16). */
    blockIndex: integer('block_index'),
    blockStart: integer('block_start'),
    body: text('body').notNull(),
  },
  (t) => [
    index('search_docs_ref_idx').on(t.kind, t.refId),
    index('search_docs_article_idx').on(t.articleId, t.kind),
    index('search_docs_claim_idx').on(t.claimId),
    index('search_docs_library_idx').on(t.libraryItemId),
    index('search_docs_workspace_idx').on(t.workspaceId),
  ],
);

/** "Based on claim X": a claim whose verdict started from an earlier claim or a library item (one of the two set). */
export const claimLinks = sqliteTable(
  'claim_links',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CLAIM_LINK_KINDS }).notNull().default('based_on'),
    basedOnClaimId: text('based_on_claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    basedOnLibraryItemId: text('based_on_library_item_id').references(() => claimLibraryItems.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('claim_links_claim_idx').on(t.claimId),
    index('claim_links_based_on_claim_idx').on(t.basedOnClaimId),
    index('claim_links_based_on_library_idx').on(t.basedOnLibraryItemId),
  ],
);
