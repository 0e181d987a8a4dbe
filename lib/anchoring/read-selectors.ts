import type { TextPositionSelector, TextQuoteSelector } from './types';

export type ReadSelectors = { quote?: TextQuoteSelector; position?: TextPositionSelector };

/**
 * Validates anchor()'s selectors. Malformed input is a bug in the caller (or corrupt stored data),
 * not an orphaned claim, so it throws a TypeError instead of returning null; null stays reserved for
 * "the quote is gone". Selectors of other W3C types are ignored; of each known type the first wins.
 */
export function readSelectors(selectors: unknown): ReadSelectors {
  if (!Array.isArray(selectors)) throw new TypeError('anchor: selectors must be an array');
  const found: ReadSelectors = {};
  selectors.forEach((selector: unknown, index) => {
    if (typeof selector !== 'object' || selector === null) throw new TypeError(`anchor: selectors[${index}] must be an object`);
    const fields = selector as Record<string, unknown>;
    if (typeof fields.type !== 'string') throw new TypeError(`anchor: selectors[${index}].type must be a string`);
    if (fields.type === 'TextQuoteSelector') found.quote ??= readQuote(fields, index);
    else if (fields.type === 'TextPositionSelector') found.position ??= readPosition(fields, index);
  });
  return found;
}

function readQuote(fields: Record<string, unknown>, index: number): TextQuoteSelector {
  const { exact, prefix, suffix } = fields;
  if (typeof exact !== 'string' || exact.length === 0) throw new TypeError(`anchor: selectors[${index}].exact must be a non-empty string`);
  if (prefix !== undefined && typeof prefix !== 'string') throw new TypeError(`anchor: selectors[${index}].prefix must be a string when present`);
  if (suffix !== undefined && typeof suffix !== 'string') throw new TypeError(`anchor: selectors[${index}].suffix must be a string when present`);
  return { type: 'TextQuoteSelector', exact, prefix: prefix as string | undefined, suffix: suffix as string | undefined };
}

function readPosition(fields: Record<string, unknown>, index: number): TextPositionSelector {
  const { start, end } = fields;
  if (!isOffset(start)) throw new TypeError(`anchor: selectors[${index}].start must be a non-negative integer (got ${String(start)})`);
  if (!isOffset(end)) throw new TypeError(`anchor: selectors[${index}].end must be a non-negative integer (got ${String(end)})`);
  const range = { start: start as number, end: end as number };
  if (range.start > range.end) throw new TypeError(`anchor: selectors[${index}] starts after it ends (${range.start} > ${range.end})`);
  return { type: 'TextPositionSelector', ...range };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
