/**
 * Whitespace-insensitive view of a text: every run of whitespace (spaces, tabs, newlines, NBSP, …:
 * exactly JavaScript's \s) becomes one space, with maps back to the original UTF-16 offsets.
 * ZWNJ (U+200C) is not whitespace: in Persian it changes the word, so it stays significant.
 */

/** Same set as the regex class \s (checked exhaustively in the tests), without a regex call per character. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export class NormalizedText {
  /** The text with each whitespace run replaced by a single space. */
  readonly text: string;
  /** Original offset where each normalised character starts; one extra entry for the end of text. */
  private readonly starts: Int32Array;
  /** Original offset just after each normalised character (after the whole run for a collapsed space). */
  private readonly ends: Int32Array;

  constructor(original: string) {
    const starts = new Int32Array(original.length + 1);
    const ends = new Int32Array(original.length);
    const parts: string[] = [];
    let length = 0;
    let copiedUpTo = 0;
    let i = 0;
    while (i < original.length) {
      if (!isWhitespace(original.charCodeAt(i))) {
        starts[length] = i;
        ends[length] = i + 1;
        length += 1;
        i += 1;
        continue;
      }
      let runEnd = i + 1;
      while (runEnd < original.length && isWhitespace(original.charCodeAt(runEnd))) runEnd += 1;
      parts.push(original.slice(copiedUpTo, i), ' ');
      copiedUpTo = runEnd;
      starts[length] = i;
      ends[length] = runEnd;
      length += 1;
      i = runEnd;
    }
    parts.push(original.slice(copiedUpTo));
    starts[length] = original.length;
    this.text = parts.join('');
    this.starts = starts.subarray(0, length + 1);
    this.ends = ends.subarray(0, length);
  }

  /** Original offset of a normalised start offset. */
  toOriginalStart(offset: number): number {
    return this.starts[offset] ?? this.starts[this.starts.length - 1] ?? 0;
  }

  /** Original offset of a normalised end offset: a range ending in a collapsed space covers the whole run. */
  toOriginalEnd(offset: number): number {
    if (offset <= 0) return this.toOriginalStart(0);
    return this.ends[offset - 1] ?? this.toOriginalStart(offset);
  }

  /** Normalised offset of the character containing original offset `offset`. */
  fromOriginal(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

let lastView: NormalizedText | null = null;
let lastText: string | null = null;

/** The normalised view of `text`, reused while the same text is anchored again. */
export function normalizedView(text: string): NormalizedText {
  if (lastText !== text || lastView === null) {
    lastView = new NormalizedText(text);
    lastText = text;
  }
  return lastView;
}
