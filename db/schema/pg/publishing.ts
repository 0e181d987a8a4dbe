import { pgTable, text, integer, boolean, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { PUBLICATION_KINDS, REPLY_METHODS } from '@/lib/domain/publishing';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Append-only log of an article's publication steps. `published`/`corrected` rows carry the
 * snapshot public pages serve (a public report view model), so a reopened article keeps showing
 * its last publication; the slugs at that time let old public URLs redirect after a rename.
 */
export const articlePublications = pgTable(
  'article_publications',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per article. */
    sequence: integer('sequence').notNull(),
    kind: text('kind', { enum: PUBLICATION_KINDS }).notNull(),
    /** Correction note (corrected), reason (reopened, retracted); '' for a first publication. */
    note: text('note').notNull().default(''),
    /** An owner's reason for publishing despite blockers; null when nothing was overridden. */
    overrideReason: text('override_reason'),
    /** The blockers overridden (PublishBlocker[]), for the record. */
    overriddenBlockers: jsonb('overridden_blockers'),
    workspaceSlug: text('workspace_slug').notNull(),
    articleSlug: text('article_slug').notNull(),
    /** The public report view model served at this step (published, corrected); null otherwise. */
    snapshot: jsonb('snapshot'),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('article_publications_sequence_idx').on(t.articleId, t.sequence), index('article_publications_slug_idx').on(t.workspaceSlug, t.articleSlug)],
);

/** Right of reply: one attempt to reach the claimant for comment, and what came back. */
export const replyAttempts = pgTable(
  'reply_attempts',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    /** ISO date (YYYY-MM-DD) of the attempt. */
    contactedOn: text('contacted_on').notNull(),
    method: text('method', { enum: REPLY_METHODS }).notNull(),
    /** Who was contacted and how (internal: never published). */
    contact: text('contact').notNull().default(''),
    /** Their response, summarised or quoted; null while none came. */
    response: text('response'),
    /** ISO date of the response, or null. */
    respondedOn: text('responded_on'),
    /** Show this attempt (date, method, response or "no response") on the public page. */
    showPublicly: boolean('show_publicly').notNull().default(false),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('reply_attempts_claim_idx').on(t.claimId)],
);
