import type { RatingLevelInput } from './scale';

/** The scale every new workspace starts with; owners can edit it. Values run 5 (true) → 0 (false). */
export const DEFAULT_SCALE_NAME = 'Claimdesk standard';

export const DEFAULT_RATING_LEVELS: readonly RatingLevelInput[] = [
  { key: 'true', label: 'True', color: '#1a7f37', value: 5, description: 'Accurate; nothing significant missing.' },
  { key: 'mostly-true', label: 'Mostly true', color: '#4d9b2f', value: 4, description: 'Accurate but needs clarification or context.' },
  { key: 'half-true', label: 'Half true', color: '#b58a00', value: 3, description: 'Partially accurate; leaves out important details.' },
  { key: 'misleading', label: 'Misleading', color: '#c96a00', value: 2, description: 'Contains accurate elements but creates a false impression.' },
  { key: 'mostly-false', label: 'Mostly false', color: '#b7410e', value: 1, description: 'Contains an element of truth but ignores critical facts.' },
  { key: 'false', label: 'False', color: '#c62828', value: 0, description: 'Not accurate.' },
  { key: 'unproven', label: 'Unproven', color: '#6b5fa8', value: null, description: 'Evidence is insufficient to rate it either way.' },
  { key: 'not-checkable', label: 'Not checkable', color: '#6e7781', value: null, description: 'Opinion, prediction or otherwise not verifiable.' },
];
