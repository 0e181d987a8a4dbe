/**
 * Stand-off text anchoring (after Hypothesis): describe a selection of a plain text as W3C selectors,
 * and find it again after the text has been edited. Pure functions; no DOM, React or Node APIs.
 */
export { anchor } from './anchor';
export { codePointIndex, type CodePointIndex } from './code-points';
export { describe } from './describe';
export { reanchorAll, type ReanchorPrepared } from './reanchor-all';
export type { Selector, TextPositionSelector, TextQuoteSelector, TextRange } from './types';
