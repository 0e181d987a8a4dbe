/**
 * Stand-off text anchoring (after Hypothesis): describe a selection of a plain text as W3C selectors,
 * and find it again after the text has been edited. Pure functions; no DOM, React or Node APIs.
 */
export { anchor } from './anchor';
export { describe } from './describe';
export type { TextPositionSelector, TextQuoteSelector } from './types';
