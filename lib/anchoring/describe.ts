import { type CodePointIndex, indexFor, splitsSurrogatePair, stepBackCodePoints, stepForwardCodePoints } from './code-points';
import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Code points of context kept either side of a quote: enough to tell repeated quotes apart. */
export const CONTEXT_CODE_POINTS = 32;

/**
 * Selectors for `text.slice(start, end)` (UTF-16 offsets). The position selector counts code points.
 * Throws a RangeError for a range that is empty, out of bounds, fractional or splits a surrogate pair.
 * `index` is an optional prebuilt codePointIndex(text) (callers with a cached one skip the O(n) scan).
 */
export function describe(text: string, start: number, end: number, index?: CodePointIndex): [TextQuoteSelector, TextPositionSelector] {
  if (typeof text !== 'string') throw new TypeError('describe: text must be a string');
  assertValidRange(text, start, end);
  const positions = indexFor(text, index, 'describe');
  const prefixStart = stepBackCodePoints(text, start, CONTEXT_CODE_POINTS);
  const suffixEnd = stepForwardCodePoints(text, end, CONTEXT_CODE_POINTS);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start: positions.toCodePoint(start), end: positions.toCodePoint(end) },
  ];
}

function assertValidRange(text: string, start: number, end: number): void {
  for (const [name, value] of [['start', start], ['end', end]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new RangeError(`describe: ${name} must be an integer (got ${String(value)})`);
    if (value < 0) throw new RangeError(`describe: ${name} must not be negative (got ${value})`);
    if (value > text.length) throw new RangeError(`describe: ${name} (${value}) is beyond the end of the text (${text.length})`);
  }
  if (start > end) throw new RangeError(`describe: start (${start}) is after end (${end})`);
  if (start === end) throw new RangeError(`describe: the range is empty (start = end = ${start})`);
  for (const [name, value] of [['start', start], ['end', end]] as const) {
    if (splitsSurrogatePair(text, value)) throw new RangeError(`describe: ${name} (${value}) splits a surrogate pair`);
  }
}
