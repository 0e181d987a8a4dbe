import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CueName, FeatureVector, Reason, Weights } from '@/lib/check-worthiness/types';
import type { Metrics } from '@/lib/check-worthiness/model';
import { SUGGESTION_ANCHOR_STATES, SUGGESTION_RUN_STATUSES, SUGGESTION_STATES } from '@/lib/domain/check-worthiness';
import { createdAt, id, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { users } from './users';
import { workspaces } from './workspaces';

/** One "Find claims" run over an article's text (a background job). At most one running per article. */
export const suggestionRuns = sqliteTable(
  'suggestion_runs',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** The text revision scored. */
    revision: integer('revision').notNull(),
    status: text('status', { enum: SUGGESTION_RUN_STATUSES }).notNull().default('running'),
    sentencesTotal: integer('sentences_total').notNull().default(0),
    sentencesDone: integer('sentences_done').notNull().default(0),
    language: text('language'),
    /** 'full' or 'partial' (an unknown script: only language-independent cues ran). */
    languageSupport: text('language_support'),
    unsupportedCues: text('unsupported_cues', { mode: 'json' }).$type<CueName[]>(),
    chunkedSentences: integer('chunked_sentences').notNull().default(0),
    error: text('error'),
    startedBy: text('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('suggestion_runs_article_idx').on(t.articleId, t.startedAt), uniqueIndex('suggestion_runs_one_running_idx').on(t.articleId).where(sql`status = 'running'`)],
);

/**
 * A sentence the scorer suggests checking. Anchored like a claim (quote + context + position at
 * `revision`), so a dismissal survives text edits and reloads. `accepted` links the claim it became.
 */
export const claimSuggestions = sqliteTable(
  'claim_suggestions',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => suggestionRuns.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull(),
    positionStart: integer('position_start').notNull(),
    positionEnd: integer('position_end').notNull(),
    quoteExact: text('quote_exact').notNull(),
    quotePrefix: text('quote_prefix').notNull().default(''),
    quoteSuffix: text('quote_suffix').notNull().default(''),
    anchorState: text('anchor_state', { enum: SUGGESTION_ANCHOR_STATES }).notNull().default('anchored'),
    score: real('score').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<Reason[]>().notNull(),
    features: text('features', { mode: 'json' }).$type<FeatureVector>().notNull(),
    /** Who is speaking, from the attribution cue: pre-fills the claimant on Accept. */
    claimant: text('claimant').notNull().default(''),
    state: text('state', { enum: SUGGESTION_STATES }).notNull().default('open'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('claim_suggestions_article_idx').on(t.articleId, t.state), index('claim_suggestions_workspace_idx').on(t.workspaceId, t.state)],
);

/** A workspace's check-worthiness settings; no row = defaults (no auto-run, the shipped weights). */
export const checkWorthinessSettings = sqliteTable('check_worthiness_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** Run Find claims automatically after an import. */
  autoFindOnImport: integer('auto_find_on_import', { mode: 'boolean' }).notNull().default(false),
  /** Suggest sentences scoring at least this; null = the active weights' threshold. */
  threshold: real('threshold'),
  /** The re-fitted weights in use; null = the shipped defaults. */
  activeModelId: text('active_model_id'),
  updatedAt: updatedAt(),
  version: version(),
});

/** Weights re-fitted on the desk's own decisions, with the cross-validated before/after shown to the owner. */
export const checkWorthinessModels = sqliteTable(
  'check_worthiness_models',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    weights: text('weights', { mode: 'json' }).$type<Weights>().notNull(),
    before: text('before', { mode: 'json' }).$type<Metrics>().notNull(),
    after: text('after', { mode: 'json' }).$type<Metrics & { folds: number }>().notNull(),
    examples: integer('examples').notNull(),
    positives: integer('positives').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('check_worthiness_models_workspace_idx').on(t.workspaceId, t.createdAt)],
);
