import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CueName, FeatureVector, Reason, Weights } from '@/lib/check-worthiness/types';
import type { Metrics } from '@/lib/check-worthiness/model';
import { SUGGESTION_ANCHOR_STATES, SUGGESTION_RUN_STATUSES, SUGGESTION_STATES } from '@/lib/domain/check-worthiness';
import { createdAt, id, TIMESTAMP, updatedAt, version } from './columns';
import { articles } from './articles';
import { claims } from './claims';
import { users } from './users';
import { workspaces } from './workspaces';

/** One "Find claims" run over an article's text (a background job). At most one running per article. */
export const suggestionRuns = pgTable(
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
    unsupportedCues: jsonb('unsupported_cues').$type<CueName[]>(),
    chunkedSentences: integer('chunked_sentences').notNull().default(0),
    error: text('error'),
    startedBy: text('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', TIMESTAMP).notNull(),
    finishedAt: timestamp('finished_at', TIMESTAMP),
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
export const claimSuggestions = pgTable(
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
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<Reason[]>().notNull(),
    features: jsonb('features').$type<FeatureVector>().notNull(),
    /** Who is speaking, from the attribution cue: pre-fills the claimant on Accept. */
    claimant: text('claimant').notNull().default(''),
    state: text('state', { enum: SUGGESTION_STATES }).notNull().default('open'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', TIMESTAMP),
    claimId: text('claim_id').references(() => claims.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('claim_suggestions_article_idx').on(t.articleId, t.state), index('claim_suggestions_workspace_idx').on(t.workspaceId, t.state)],
);

/** A workspace's check-worthiness settings; no row = defaults (no auto-run, the shipped weights). */
export const checkWorthinessSettings = pgTable('check_worthiness_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** Run Find claims automatically after an import. */
  autoFindOnImport: boolean('auto_find_on_import').notNull().default(false),
  /** Suggest sentences scoring at least this; null = the active weights' threshold. */
  threshold: doublePrecision('threshold'),
  /** The re-fitted weights in use; null = the shipped defaults. */
  activeModelId: text('active_model_id'),
  updatedAt: updatedAt(),
  version: version(),
});

/** Weights re-fitted on the desk's own decisions, with the cross-validated before/after shown to the owner. */
export const checkWorthinessModels = pgTable(
  'check_worthiness_models',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    weights: jsonb('weights').$type<Weights>().notNull(),
    before: jsonb('before').$type<Metrics>().notNull(),
    after: jsonb('after').$type<Metrics & { folds: number }>().notNull(),
    examples: integer('examples').notNull(),
    positives: integer('positives').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    activatedAt: timestamp('activated_at', TIMESTAMP),
  },
  (t) => [index('check_worthiness_models_workspace_idx').on(t.workspaceId, t.createdAt)],
);
