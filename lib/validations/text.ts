/**
 * The rules every piece of user-written text obeys before it is stored (finding 7 of issue 7):
 * no NUL characters (they truncate text in C libraries, PDFs and some databases), no lone UTF-16
 * surrogates (not Unicode at all: they turn into U+FFFD on the way out, so a quote would no longer
 * match its article), and one Unicode form, NFC, so "é" typed as one code point and "é" typed as
 * e + U+0301 are the same text for search, anchoring and exports.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'nul' | 'lone_surrogate';

/** The first reason `value` cannot be stored, or null when it is fine. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  return null;
}

/** A reader-facing sentence about the problem, naming the field (e.g. "Title"). */
export function textProblemMessage(field: string, problem: TextProblem): string {
  return problem === 'nul'
    ? `${field} contains a NUL character (U+0000), which cannot be stored. Remove it and try again.`
    : `${field} contains a broken character (an unpaired UTF-16 surrogate). Retype or re-paste the text.`;
}

/** The stored form of valid text. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}
