// Check-worthiness suggestions (issue 16): the shapes the app stores and returns. The scorer's own
// types (Reason, FeatureVector, Weights, Metrics) live in lib/check-worthiness/types.ts and model.ts.

export const SUGGESTION_STATES = ['open', 'accepted', 'dismissed'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_RUN_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export type SuggestionRunStatus = (typeof SUGGESTION_RUN_STATUSES)[number];

export const SUGGESTION_ANCHOR_STATES = ['anchored', 'orphaned'] as const;
export type SuggestionAnchorState = (typeof SUGGESTION_ANCHOR_STATES)[number];
