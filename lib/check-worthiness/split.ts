/**
 * Sentence splitting for English, Persian and Arabic text, with UTF-16 offsets into the original
 * text. Spans are trimmed of whitespace; every non-whitespace character of the text lies in
 * exactly one span (nothing is dropped or duplicated).
 *
 * A sentence ends at . ! ? ؟ ۔ … (any run of them), plus the closing quotes and brackets right
 * after, when followed by whitespace or the end of the text — so 3.5, example.com and
 * "U.S.-backed" do not end one — and when the next word does not start with a lower-case letter
 * (`"Is it true?" he asked.` stays one sentence). A full stop after a title ("Mr.", "Dr.", "Gen.")
 * never ends a sentence; after an initialism or ambiguous abbreviation ("U.S.", "Inc.", "etc.",
 * "J.") it does only when the next word usually starts a sentence ("The", "But", "He", …).
 * Line breaks: with `newlines: 'line'` (plain text, the default) every line break ends a sentence
 * (headlines, captions and list lines have no full stop); with 'paragraph' (Markdown) only a blank
 * line does, plus the offsets in `breaks`. A run longer than `maxSentenceChars` with no sentence
 * end is cut at the last whitespace (or hard, never inside a surrogate pair) and marked `chunked`.
 */

export interface SplitOptions {
  newlines?: 'line' | 'paragraph';
  /** Offsets where a new sentence must start (e.g. Markdown block starts). */
  breaks?: readonly number[];
  /** Longest sentence kept whole; longer runs are cut into pieces. Default 1,000. */
  maxSentenceChars?: number;
}

export interface SentenceSpan {
  start: number;
  end: number;
  chunked: boolean;
}

export const DEFAULT_MAX_SENTENCE_CHARS = 1000;

const TERMINATORS = new Set(['.', '!', '?', '\u061F', '\u06D4', '\u2026', '\u3002']);
const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', '\u00BB', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '\u201C', '\u2018', '\u00AB', '(', '[', '{']);

/** A full stop after these is never a sentence end. */
const TITLES = new Set(
  ['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt', 'cmdr', 'adm', 'maj', 'st', 'mt', 'ft', 'rev', 'hon', 'pres', 'supt', 'no', 'nos', 'vs', 'v', 'approx', 'fig', 'cf', 'vol', 'pp', 'ed', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'sr', 'jr'],
);
/** A full stop after these ends a sentence only before a usual sentence starter. */
const AMBIGUOUS = new Set(['inc', 'ltd', 'co', 'corp', 'etc', 'al', 'bros', 'llc', 'plc']);
const STARTERS = new Set(
  ['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that', 'these', 'those', 'there', 'his', 'her', 'its', 'their', 'our', 'my', 'meanwhile', 'however', 'after', 'before', 'when', 'while', 'if', 'as', 'since', 'for', 'so', 'yet', 'some', 'many', 'most', 'officials', 'according'],
);

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

function wordBefore(text: string, dot: number): string {
  let k = dot;
  while (k > 0) {
    const ch = text[k - 1];
    if (ch === undefined || isSpace(ch) || OPENERS.has(ch) || ch === '\u2014' || ch === '-') break;
    k--;
  }
  return text.slice(k, dot);
}

function nextWord(text: string, from: number): { word: string; first: string | undefined } {
  let k = from;
  while (k < text.length && isSpace(text[k])) k++;
  while (k < text.length && OPENERS.has(text[k] ?? '')) k++;
  const m = /^[\p{L}\p{M}\p{N}]+/u.exec(text.slice(k, k + 40));
  return { word: m ? m[0] : '', first: text[k] };
}

/** Is the terminator run text[i..j) (closers included) a sentence end? Assumes text[j] is whitespace or the end. */
function endsSentence(text: string, i: number, j: number): boolean {
  const next = nextWord(text, j);
  if (next.first !== undefined && /\p{Ll}/u.test(next.first)) return false;
  if (text[i] !== '.' || text[i + 1] === '.') return true;
  const word = wordBefore(text, i);
  const bare = word.replace(/\./g, '').toLowerCase();
  if (TITLES.has(bare)) return false;
  const initialism = /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word);
  if (initialism || AMBIGUOUS.has(bare)) return next.first === undefined || STARTERS.has(next.word.toLowerCase());
  return true;
}

/** Sentence spans of `text`, lazily (so a caller can stop or yield between them). */
export function* sentenceSpans(text: string, options: SplitOptions = {}): Generator<SentenceSpan, void, undefined> {
  const n = text.length;
  const max = Math.max(20, options.maxSentenceChars ?? DEFAULT_MAX_SENTENCE_CHARS);
  const lineMode = (options.newlines ?? 'line') === 'line';
  const breaks = new Set(options.breaks ?? []);
  let start = -1;
  let i = 0;
  // The current run continues one that was cut at `max`: its last piece is a piece too.
  let continuing = false;

  const span = (from: number, to: number, cut: boolean): SentenceSpan | null => {
    let end = to;
    while (end > from && isSpace(text[end - 1])) end--;
    const chunked = cut || continuing;
    continuing = cut;
    return end > from ? { start: from, end, chunked } : null;
  };

  while (i < n) {
    const ch = text[i] ?? '';
    if (start < 0) {
      if (isSpace(ch)) {
        i++;
        continue;
      }
      start = i;
    } else if (breaks.has(i)) {
      const s = span(start, i, false);
      if (s) yield s;
      start = isSpace(ch) ? -1 : i;
      if (start < 0) continue;
    }
    if (i - start >= max) {
      // No sentence end within `max` characters: cut at the last whitespace, or hard.
      let cut = i;
      for (let k = i; k > start + max / 2; k--) {
        if (isSpace(text[k])) {
          cut = k;
          break;
        }
      }
      const code = text.charCodeAt(cut - 1);
      if (cut === i && code >= 0xd800 && code <= 0xdbff) cut--;
      const s = span(start, cut, true);
      if (s) yield s;
      start = -1;
      i = cut;
      continue;
    }
    if (ch === '\n') {
      let end = lineMode;
      if (!end) {
        let k = i + 1;
        while (k < n && text[k] !== '\n' && isSpace(text[k])) k++;
        end = k >= n || text[k] === '\n';
      }
      if (end) {
        const s = span(start, i, false);
        if (s) yield s;
        start = -1;
      }
      i++;
      continue;
    }
    if (TERMINATORS.has(ch)) {
      let j = i + 1;
      while (j < n && TERMINATORS.has(text[j] ?? '')) j++;
      while (j < n && CLOSERS.has(text[j] ?? '')) j++;
      if ((j >= n || isSpace(text[j])) && endsSentence(text, i, j)) {
        const s = span(start, j, false);
        if (s) yield s;
        start = -1;
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (start >= 0) {
    const s = span(start, n, false);
    if (s) yield s;
  }
}

export function splitSentences(text: string, options?: SplitOptions): SentenceSpan[] {
  return [...sentenceSpans(text, options)];
}
