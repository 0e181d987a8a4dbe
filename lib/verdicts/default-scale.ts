import type { RatingLevelInput } from './scale';

/** The scale every new workspace starts with; owners can edit it. Values run 5 (true) → 0 (false). */
export const DEFAULT_SCALE_NAME = 'Claimdesk standard';

/**
 * Colours chosen so every pair stays apart (CIEDE2000 ≥ 12, see color-vision.test.ts) with normal
 * vision and simulated protanopia, deuteranopia and tritanopia, and from the pending grey; each has
 * chip text at WCAG AA contrast. Migration 0004 moves existing workspaces' levels that still had the
 * previous default colour (below) to these; colours an owner chose stay.
 */
export const DEFAULT_RATING_LEVELS: readonly RatingLevelInput[] = [
  { key: 'true', label: 'True', color: '#107d54', value: 5, description: 'Accurate; nothing significant missing.' },
  { key: 'mostly-true', label: 'Mostly true', color: '#669e61', value: 4, description: 'Accurate but needs clarification or context.' },
  { key: 'half-true', label: 'Half true', color: '#d5a216', value: 3, description: 'Partially accurate; leaves out important details.' },
  { key: 'misleading', label: 'Misleading', color: '#c26c0b', value: 2, description: 'Contains accurate elements but creates a false impression.' },
  { key: 'mostly-false', label: 'Mostly false', color: '#872700', value: 1, description: 'Contains an element of truth but ignores critical facts.' },
  { key: 'false', label: 'False', color: '#c90339', value: 0, description: 'Not accurate.' },
  { key: 'unproven', label: 'Unproven', color: '#5a5ab1', value: null, description: 'Evidence is insufficient to rate it either way.' },
  { key: 'not-checkable', label: 'Not checkable', color: '#6f7479', value: null, description: 'Opinion, prediction or otherwise not verifiable.' },
];

/** The colour of a claim without a final verdict (pending), kept apart from every default verdict colour. */
export const PENDING_COLOR = '#8c959f';

/** The default scale's colours before issue 12: the colour check must fail on them; migration 0004 replaces them (db/queries/default-colors-migration.test.ts). */
export const PREVIOUS_DEFAULT_COLORS: Readonly<Record<string, string>> = {
  true: '#1a7f37',
  'mostly-true': '#4d9b2f',
  'half-true': '#b58a00',
  misleading: '#c96a00',
  'mostly-false': '#b7410e',
  false: '#c62828',
  unproven: '#6b5fa8',
  'not-checkable': '#6e7781',
};
