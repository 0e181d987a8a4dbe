import { safeHttpUrl } from '@/lib/export/escape';

/**
 * URL text fragments (WICG "Text Fragments", https://wicg.github.io/scroll-to-text-fragment/):
 * a link that lands the reader on a quoted passage of a source page and highlights it,
 * `url#:~:text=[prefix-,]textStart[,textEnd][,-suffix]` (Chromium-based browsers and Safari follow
 * it; others ignore the directive and open the page as usual).
 *
 * Pure and isomorphic: the workbench's source list, the reports and the public pages all link a
 * source's passage (its W3C TextQuoteSelector: exact + prefix/suffix) with it.
 *
 * Rules followed (spec §3.3 syntax, §3.5 matching):
 * - Every term is percent-encoded: the URL fragment set plus the directive's own syntax characters
 *   `-`, `,` and `&`, so a passage containing them cannot be misread as prefix/suffix/next directive.
 * - A page's rendered text has its whitespace collapsed, so runs of whitespace (line breaks, tabs,
 *   non-breaking spaces) in the passage become single spaces and the ends are trimmed.
 * - An exact match (textStart alone) cannot span block boundaries and long URLs are brittle, so a
 *   passage with a line break is linked as a range, textStart = the first few words of its first
 *   line and textEnd = the last few words of its last (neither term spans blocks either), and a
 *   passage over MAX_EXACT_CHARS characters as its first and last few words (word boundaries from
 *   Intl.Segmenter, so scripts without spaces work too).
 * - prefix/suffix (context that must come right before/after the passage) are cut to the few words
 *   nearest the passage; they only disambiguate, and the nearer they are the likelier they match.
 * - An existing fragment (`#section`) is kept and the directive appended after the fragment
 *   directive delimiter `:~:`; an existing directive (`:~:text=…`) is replaced by ours.
 */

/** Passages longer than this (after whitespace collapsing) are linked as textStart,textEnd. */
export const MAX_EXACT_CHARS = 300;
/** Words in textStart / textEnd of a range. */
export const RANGE_WORDS = 4;
/** Words kept of the prefix / suffix context. */
export const CONTEXT_WORDS = 3;

const DIRECTIVE_DELIMITER = ':~:';

export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The parts of a text directive, before percent-encoding; '' for an absent optional part. */
export interface TextDirectiveParts {
  prefix: string;
  textStart: string;
  textEnd: string;
  suffix: string;
}

/**
 * `url` with a text directive for the passage `quote`, or:
 * - the URL unchanged (normalised) when the passage has no text to link (blank `exact`);
 * - null when `url` is not an absolute http(s) URL (callers then show the passage without a link).
 */
export function textFragmentUrl(url: string | null | undefined, quote: TextQuote | null | undefined): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const directive = quote ? textDirective(quote) : null;
  const [base, fragment = ''] = splitOnce(parsed.href, '#');
  if (!directive) return parsed.href;
  // Any directive already there goes: ours says where the passage is.
  const plainFragment = splitOnce(fragment, DIRECTIVE_DELIMITER)[0];
  return `${base}#${plainFragment}${DIRECTIVE_DELIMITER}text=${directive}`;
}

/** The encoded `text=` value (without `text=`), or null when the passage is blank. */
export function textDirective(quote: TextQuote): string | null {
  const parts = textDirectiveParts(quote);
  if (!parts) return null;
  return [
    parts.prefix ? `${encodeTerm(parts.prefix)}-` : null,
    encodeTerm(parts.textStart),
    parts.textEnd ? encodeTerm(parts.textEnd) : null,
    parts.suffix ? `-${encodeTerm(parts.suffix)}` : null,
  ]
    .filter((term): term is string => term !== null)
    .join(',');
}

/** What the directive says, unencoded: exact or range match plus context. Null when the passage is blank. */
export function textDirectiveParts(quote: TextQuote): TextDirectiveParts | null {
  if (!quote || typeof quote.exact !== 'string') return null;
  const raw = wellFormed(quote.exact);
  const exact = collapseWhitespace(raw);
  if (exact === '') return null;
  const prefix = lastWords(collapseWhitespace(wellFormed(quote.prefix ?? '')), CONTEXT_WORDS);
  const suffix = firstWords(collapseWhitespace(wellFormed(quote.suffix ?? '')), CONTEXT_WORDS);
  const blocks = raw
    .split(/[\r\n\u2028\u2029]+/)
    .map(collapseWhitespace)
    .filter((block) => block !== '');
  if (blocks.length >= 2) {
    // textStart within the first block, textEnd within the last: a term never spans blocks either.
    return { prefix, textStart: firstWords(blocks[0]!, RANGE_WORDS), textEnd: lastWords(blocks.at(-1)!, RANGE_WORDS), suffix };
  }
  if (exact.length <= MAX_EXACT_CHARS) return { prefix, textStart: exact, textEnd: '', suffix };
  const range = rangeOf(exact);
  return range ? { prefix, ...range, suffix } : { prefix, textStart: exact, textEnd: '', suffix };
}

/**
 * Percent-encodes one term: everything but unreserved ASCII letters, digits and `_.!~*'()`
 * (encodeURIComponent, which covers the fragment percent-encode set, `,` and `&`), and `-` too.
 */
export function encodeTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(/-/g, '%2D');
}

/** Whitespace runs (incl. NBSP and line breaks) as single spaces, ends trimmed: how a rendered page reads. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** textStart = the first RANGE_WORDS words, textEnd = the last RANGE_WORDS, never overlapping; null for one word. */
function rangeOf(text: string): { textStart: string; textEnd: string } | null {
  const words = wordBounds(text);
  if (words.length < 2) return null;
  const take = Math.min(RANGE_WORDS, Math.floor(words.length / 2));
  const startEnd = words[take - 1]!.end;
  const endStart = words[words.length - take]!.start;
  return { textStart: text.slice(0, startEnd).trim(), textEnd: text.slice(endStart).trim() };
}

function firstWords(text: string, count: number): string {
  const words = wordBounds(text);
  if (words.length <= count) return text;
  return text.slice(0, words[count - 1]!.end).trim();
}

function lastWords(text: string, count: number): string {
  const words = wordBounds(text);
  if (words.length <= count) return text;
  return text.slice(words[words.length - count]!.start).trim();
}

/**
 * Word spans of `text`: Intl.Segmenter's word-like segments, each stretched over the punctuation
 * that follows it up to the next word (so "end." keeps its full stop). Whitespace-split words when
 * the runtime has no Segmenter.
 */
function wordBounds(text: string): Array<{ start: number; end: number }> {
  const starts: number[] = [];
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
      if (segment.isWordLike) starts.push(segment.index);
    }
  } else {
    for (const match of text.matchAll(/\S+/g)) starts.push(match.index ?? 0);
  }
  if (starts.length === 0 && text.trim() !== '') starts.push(text.search(/\S/));
  return starts.map((start, i) => {
    const next = starts[i + 1] ?? text.length;
    // The word runs to the next word, less the whitespace in between.
    const end = start + text.slice(start, next).trimEnd().length;
    return { start, end };
  });
}

function parseHttpUrl(url: string | null | undefined): URL | null {
  const safe = safeHttpUrl(url);
  return safe === null ? null : new URL(safe);
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** Lone surrogates (which encodeURIComponent throws on) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
