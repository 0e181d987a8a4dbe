// Check-worthiness suggestions (issue 16): the shapes the app stores and returns. The scorer's own
// types (Reason, FeatureVector, Weights, Metrics) live in lib/check-worthiness/types.ts and model.ts.

import type { Metrics } from '@/lib/check-worthiness/model';
import type { CueName, Language, LanguageSupport, Reason } from '@/lib/check-worthiness/types';

export const SUGGESTION_STATES = ['open', 'accepted', 'dismissed'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_RUN_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export type SuggestionRunStatus = (typeof SUGGESTION_RUN_STATUSES)[number];

export const SUGGESTION_ANCHOR_STATES = ['anchored', 'orphaned'] as const;
export type SuggestionAnchorState = (typeof SUGGESTION_ANCHOR_STATES)[number];

// ---------------------------------------------------------------------------------------------
// What the routes return (H6 server → H7 UI). Dates are ISO strings.

/** One Find claims run. `progress` 0–1 (an estimate while running: text scored / text length). */
export interface SuggestionRunDto {
  id: string;
  articleId: string;
  /** The text revision scored. */
  revision: number;
  status: SuggestionRunStatus;
  /** Sentences scored so far; while running, sentencesTotal is an estimate from the text done. */
  sentencesDone: number;
  sentencesTotal: number;
  progress: number;
  /** The text's dominant language; null while running. */
  language: Language | null;
  /** 'partial': an unknown script, only the language-independent cues ran (say so in the UI). */
  languageSupport: LanguageSupport | null;
  unsupportedCues: CueName[];
  /** Sentences cut into pieces because they ran too long with no sentence end. */
  chunkedSentences: number;
  /** Why a run failed, in words. */
  error: string | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  version: number;
}

/**
 * A suggestion, anchored to the article's CURRENT text revision (`revision`). `range` is UTF-16
 * offsets into the article's plain text (what the editor decorations map); `position` counts code
 * points, like ClaimDto.position. Reason offsets (`reasons[].start/end`) are UTF-16 offsets relative
 * to the start of the quote (0 = the quote's first character).
 */
export interface SuggestionDto {
  id: string;
  articleId: string;
  runId: string | null;
  revision: number;
  range: { start: number; end: number };
  /** 'orphaned': the sentence is gone from the text (never in the GET list; `range` is then empty, 0–0). */
  anchorState: SuggestionAnchorState;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  score: number;
  reasons: Reason[];
  /** Who is speaking (from the attribution cue): pre-fills the claimant on Accept; '' when unknown. */
  claimant: string;
  state: SuggestionState;
  decidedBy: string | null;
  decidedAt: string | null;
  claimId: string | null;
  version: number;
}

/** GET /api/articles/:articleId/suggestions */
export interface ArticleSuggestionsDto {
  run: SuggestionRunDto | null;
  suggestions: SuggestionDto[];
  /** The threshold in force (settings, else the active weights'). */
  threshold: number;
  /** The latest run's language support (null: never run). */
  languageSupport: LanguageSupport | null;
  /** The text revision the suggestions are anchored to. */
  revision: number;
}

/** Precision/recall/F1/AUC (and counts) of a set of weights: lib/check-worthiness/model Metrics. */
export type CheckWorthinessMetricsDto = Metrics & { folds?: number };

export interface CheckWorthinessModelDto {
  id: string;
  before: CheckWorthinessMetricsDto;
  after: CheckWorthinessMetricsDto;
  examples: number;
  positives: number;
  createdAt: string;
  activatedAt: string | null;
}

/** GET/PUT /api/workspaces/:workspaceId/check-worthiness */
export interface CheckWorthinessSettingsDto {
  autoFindOnImport: boolean;
  /** null: the active weights' threshold (`effectiveThreshold`). */
  threshold: number | null;
  effectiveThreshold: number;
  activeModel: CheckWorthinessModelDto | null;
  /** Re-fitted models, newest first (at most 10). */
  models: CheckWorthinessModelDto[];
  version: number;
}

/** POST …/check-worthiness/refit */
export interface RefitResultDto {
  modelId: string;
  before: CheckWorthinessMetricsDto;
  after: CheckWorthinessMetricsDto;
  examples: number;
  positives: number;
}
