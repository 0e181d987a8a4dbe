/**
 * UTF-16 offset ↔ code point offset conversion. JavaScript strings index UTF-16 code units, while
 * W3C TextPositionSelectors count code points, so every astral character (emoji, …) shifts the two.
 */

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves `offset` back by up to `count` code points, never landing inside a surrogate pair. */
export function stepBackCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at > 0; n += 1) {
    at -= 1;
    if (splitsSurrogatePair(text, at)) at -= 1;
  }
  return at;
}

/** Moves `offset` forward by up to `count` code points, never landing inside a surrogate pair. */
export function stepForwardCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at < text.length; n += 1) {
    at += 1;
    if (splitsSurrogatePair(text, at)) at += 1;
  }
  return at;
}

/** Widens a UTF-16 range whose ends fall inside surrogate pairs to take in the whole characters. */
export function widenToCodePoints(text: string, range: { start: number; end: number }): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, range.start) ? range.start - 1 : range.start,
    end: splitsSurrogatePair(text, range.end) ? range.end + 1 : range.end,
  };
}

/**
 * Converts offsets in O(log a) where a is the number of astral characters, after one O(n) scan.
 * Texts without astral characters (most articles) convert as the identity.
 */
export class CodePointIndex {
  /** UTF-16 offset of each astral character's high surrogate, ascending. */
  private readonly astralUtf16: number[] = [];
  /** Code point offset of each astral character, ascending. */
  private readonly astralCodePoint: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(private readonly text: string) {
    // The native regex scan skips the (usually all-BMP) text far faster than a charCodeAt loop.
    const pairs = /[\ud800-\udbff][\udc00-\udfff]/g;
    for (let match = pairs.exec(text); match !== null; match = pairs.exec(text)) {
      this.astralUtf16.push(match.index);
      this.astralCodePoint.push(match.index - this.astralUtf16.length + 1);
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astralUtf16.length;
  }

  /** Code point offset of a UTF-16 offset. Throws a RangeError if it is outside the text or splits a surrogate pair. */
  toCodePoint(utf16Offset: number): number {
    if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > this.utf16Length) {
      throw new RangeError(`UTF-16 offset ${utf16Offset} is outside the text (0…${this.utf16Length})`);
    }
    if (splitsSurrogatePair(this.text, utf16Offset)) {
      throw new RangeError(`UTF-16 offset ${utf16Offset} splits a surrogate pair`);
    }
    // Every astral character wholly before the offset took two units but counts as one code point.
    return utf16Offset - countBelow(this.astralUtf16, utf16Offset);
  }

  /** UTF-16 offset of a code point offset, or null when it lies beyond the text. */
  toUtf16(codePointOffset: number): number | null {
    if (!Number.isInteger(codePointOffset) || codePointOffset < 0 || codePointOffset > this.codePointLength) return null;
    return codePointOffset + countBelow(this.astralCodePoint, codePointOffset);
  }
}

/** How many values of the ascending array are < limit (binary search). */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

let lastIndex: CodePointIndex | null = null;
let lastText: string | null = null;

/** The index for `text`, reused while the same text is anchored again (re-anchoring 2,000 claims against one article). */
export function codePointIndex(text: string): CodePointIndex {
  if (lastText !== text || lastIndex === null) {
    lastIndex = new CodePointIndex(text);
    lastText = text;
  }
  return lastIndex;
}

/** The caller's index after a cheap check that it belongs to `text`, or the (cached) index of `text`. */
export function indexFor(text: string, index: CodePointIndex | undefined, caller: string): CodePointIndex {
  if (index === undefined) return codePointIndex(text);
  if (!(index instanceof CodePointIndex)) throw new TypeError(`${caller}: index must be a CodePointIndex (from codePointIndex(text))`);
  if (index.utf16Length !== text.length) {
    throw new TypeError(`${caller}: index was built for a text of ${index.utf16Length} UTF-16 units, not this one (${text.length})`);
  }
  return index;
}

/** Code point offset of a UTF-16 offset (see CodePointIndex.toCodePoint). */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  return codePointIndex(text).toCodePoint(utf16Offset);
}

/** UTF-16 offset of a code point offset, or null when it lies beyond the text. */
export function codePointToUtf16(text: string, codePointOffset: number): number | null {
  return codePointIndex(text).toUtf16(codePointOffset);
}
