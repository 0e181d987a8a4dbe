/**
 * Text diffs as lists of replacements, and mapping offsets through them. Pure; no DOM or Node APIs.
 *
 * diffText is built for one article saved again after an edit: trim the common prefix and suffix,
 * align the middle paragraph by paragraph (lines), then refine each changed stretch word by word and
 * finally character by character. Each alignment stage has a cost cap; past it the stretch is
 * reported as one coarser change, which is still correct (applying it yields the new text), only bigger.
 */

/** Replace old[from, to) with `insert`. UTF-16 offsets into the OLD text; changes ascending, non-overlapping. */
export type TextChange = { from: number; to: number; insert: string };

/** Largest edit distance (in lines) the paragraph alignment explores before giving up on a stretch. */
export const MAX_LINE_EDITS = 2_000;
/** Largest edit distance (in tokens) the word alignment of one changed stretch explores. */
export const MAX_TOKEN_EDITS = 1_000;
/** At most this many UTF-16 units (old + new) are split into words per diff; the rest is compared coarser. */
export const MAX_TOKENIZED_LENGTH = 400_000;
/** At most this many Myers steps per diff (each ≈ one diagonal visited, a few ns); then stretches stay coarse. */
export const MAX_ALIGNMENT_STEPS = 4_000_000;
/** Changed stretches longer than this (old + new) are aligned sentence by sentence before word by word. */
const LONG_STRETCH = 16_384;
/** A changed stretch is first aligned character by character, up to this many edits; words beyond that. */
export const MAX_CHARACTER_EDITS = 40;
/** Stretches shorter than this (old + new UTF-16 units) are not split into words: one change is as good. */
const MIN_TOKENIZED_LENGTH = 48;

/** The changes that turn `oldText` into `newText` (see the module comment). Never splits a surrogate pair. */
export function diffText(oldText: string, newText: string): TextChange[] {
  if (typeof oldText !== 'string') throw new TypeError('diffText: oldText must be a string');
  if (typeof newText !== 'string') throw new TypeError('diffText: newText must be a string');
  if (oldText === newText) return [];
  const changes: TextChange[] = [];
  const [prefix, suffix] = commonEnds(oldText, 0, oldText.length, newText, 0, newText.length);
  const budget: Budget = { tokenizable: MAX_TOKENIZED_LENGTH, steps: MAX_ALIGNMENT_STEPS };
  diffLines(oldText, prefix, oldText.length - suffix, newText, prefix, newText.length - suffix, changes, budget);
  return changes;
}

/** Applies `changes` (validated: ascending, non-overlapping, inside the text) to `oldText`. */
export function applyTextChanges(oldText: string, changes: readonly TextChange[]): string {
  if (typeof oldText !== 'string') throw new TypeError('applyTextChanges: oldText must be a string');
  validateChanges(changes, 'applyTextChanges', oldText.length);
  const parts: string[] = [];
  let at = 0;
  for (const change of changes) {
    parts.push(oldText.slice(at, change.from), change.insert);
    at = change.to;
  }
  parts.push(oldText.slice(at));
  return parts.join('');
}

/**
 * Where old offset `offset` lands in the new text. Inside a replaced stretch, assoc −1 goes to the start of
 * its replacement and +1 to the end; on an insertion point, −1 stays left of the inserted text and +1 goes
 * right of it. At the edge of a replaced stretch the offset keeps to its unchanged neighbour (like ProseMirror).
 */
export function mapOffset(changes: readonly TextChange[], offset: number, assoc: -1 | 1): number {
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new TypeError(`mapOffset: offset must be a non-negative integer (got ${String(offset)})`);
  }
  if (assoc !== -1 && assoc !== 1) throw new TypeError(`mapOffset: assoc must be -1 or 1 (got ${String(assoc)})`);
  const table = changeTable(changes, 'mapOffset');
  // First change that ends at or after the offset; everything before it has shifted the offset.
  const i = firstEndingAtOrAfter(changes, offset);
  const shift = table.shiftBefore[i] ?? 0;
  const change = changes[i];
  if (!change || offset < change.from) return offset + shift;
  const newFrom = change.from + shift;
  const newTo = newFrom + change.insert.length;
  if (change.from === change.to) return assoc < 0 ? newFrom : newTo; // insertion point
  if (offset === change.from) return newFrom;
  if (offset === change.to) return newTo;
  return assoc < 0 ? newFrom : newTo;
}

/** Whether old[from, to) overlaps or touches a change (so a mapped range may no longer hold the same words). */
export function touchesChange(changes: readonly TextChange[], from: number, to: number): boolean {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new TypeError(`touchesChange: ${name} must be a non-negative integer (got ${String(value)})`);
    }
  }
  if (from > to) throw new TypeError(`touchesChange: from (${from}) is after to (${to})`);
  changeTable(changes, 'touchesChange');
  const change = changes[firstEndingAtOrAfter(changes, from)];
  return change !== undefined && change.from <= to;
}

// ---------------------------------------------------------------------------------------------
// Validation and the per-array lookup table (changes arrays are treated as immutable once used).

type ChangeTable = { length: number; shiftBefore: Float64Array };
const tables = new WeakMap<readonly TextChange[], ChangeTable>();

function changeTable(changes: readonly TextChange[], caller: string): ChangeTable {
  if (!Array.isArray(changes)) throw new TypeError(`${caller}: changes must be an array`);
  const cached = tables.get(changes);
  if (cached && cached.length === changes.length) return cached;
  validateChanges(changes, caller, Infinity);
  const shiftBefore = new Float64Array(changes.length + 1);
  let shift = 0;
  changes.forEach((change, i) => {
    shiftBefore[i] = shift;
    shift += change.insert.length - (change.to - change.from);
  });
  shiftBefore[changes.length] = shift;
  const table = { length: changes.length, shiftBefore };
  tables.set(changes, table);
  return table;
}

function validateChanges(changes: readonly TextChange[], caller: string, textLength: number): void {
  if (!Array.isArray(changes)) throw new TypeError(`${caller}: changes must be an array`);
  let previousTo = 0;
  changes.forEach((change: unknown, i) => {
    if (typeof change !== 'object' || change === null) throw new TypeError(`${caller}: changes[${i}] must be an object`);
    const { from, to, insert } = change as Record<string, unknown>;
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new TypeError(`${caller}: changes[${i}].${name} must be a non-negative integer (got ${String(value)})`);
      }
    }
    if (typeof insert !== 'string') throw new TypeError(`${caller}: changes[${i}].insert must be a string`);
    const [start, end] = [from as number, to as number];
    if (start > end) throw new TypeError(`${caller}: changes[${i}] starts after it ends (${start} > ${end})`);
    if (end > textLength) throw new TypeError(`${caller}: changes[${i}] ends at ${end}, beyond the end of the text (${textLength})`);
    if (start < previousTo) throw new TypeError(`${caller}: changes[${i}] (from ${start}) overlaps or precedes the previous change (to ${previousTo}); changes must be ascending and non-overlapping`);
    previousTo = end;
  });
}

/** Index of the first change with to ≥ offset (changes.length if none). */
function firstEndingAtOrAfter(changes: readonly TextChange[], offset: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (changes[mid]!.to < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------
// The diff itself.

/** What is left of one diff's allowance: units split into words, and Myers steps (diagonals visited). */
type Budget = { tokenizable: number; steps: number };

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Lengths of the common prefix and suffix of a[aFrom, aTo) and b[bFrom, bTo), not overlapping, and
 * shortened so that neither ends between the halves of a surrogate pair.
 */
function commonEnds(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): [number, number] {
  const limit = Math.min(aTo - aFrom, bTo - bFrom);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(aFrom + prefix) === b.charCodeAt(bFrom + prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(a.charCodeAt(aFrom + prefix - 1))) prefix -= 1;
  let suffix = 0;
  const suffixLimit = limit - prefix;
  while (suffix < suffixLimit && a.charCodeAt(aTo - 1 - suffix) === b.charCodeAt(bTo - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLowSurrogate(a.charCodeAt(aTo - suffix))) suffix -= 1;
  return [prefix, suffix];
}

/** old[aFrom, aTo) and new[bFrom, bTo) without the prefix and suffix they share. */
function trimCommonEnds(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): { from: number; to: number; newFrom: number; newTo: number } {
  const [prefix, suffix] = commonEnds(a, aFrom, aTo, b, bFrom, bTo);
  return { from: aFrom + prefix, to: aTo - suffix, newFrom: bFrom + prefix, newTo: bTo - suffix };
}

/** Pushes a change for old[from, to) → new[newFrom, newTo), trimming what the two still share. */
function pushTrimmed(a: string, from: number, to: number, b: string, newFrom: number, newTo: number, out: TextChange[]): void {
  const trimmed = trimCommonEnds(a, from, to, b, newFrom, newTo);
  const start = trimmed.from;
  const end = trimmed.to;
  const insert = b.slice(trimmed.newFrom, trimmed.newTo);
  if (start === end && insert === '') return;
  const last = out[out.length - 1];
  if (last && last.to === start) {
    last.to = end;
    last.insert += insert;
  } else {
    out.push({ from: start, to: end, insert });
  }
}

/** Pieces of text[from, to) and the offset where each starts (plus one past the end). `separator` is dropped between pieces. */
function split(text: string, from: number, to: number, separator: string | RegExp, ids: Map<string, number>): { pieces: Int32Array; starts: Int32Array } {
  const parts = text.slice(from, to).split(separator);
  // Equal pieces get equal ids, so the alignment compares numbers, not paragraphs of nearly equal text.
  const pieces = new Int32Array(parts.length);
  const gap = typeof separator === 'string' ? separator.length : 0;
  const starts = new Int32Array(parts.length + 1);
  let at = from;
  parts.forEach((part, i) => {
    let id = ids.get(part);
    if (id === undefined) {
      id = ids.size;
      ids.set(part, id);
    }
    pieces[i] = id;
    starts[i] = at;
    at += part.length + gap;
  });
  starts[parts.length] = at; // one past the end: as if the text ended with a separator
  return { pieces, starts };
}

/** Aligns a[aFrom, aTo) with b[bFrom, bTo) line by line, then refines each changed run of lines. */
function diffLines(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, out: TextChange[], budget: Budget): void {
  if (aFrom === aTo || bFrom === bTo) {
    pushTrimmed(a, aFrom, aTo, b, bFrom, bTo, out);
    return;
  }
  const ids = new Map<string, number>();
  const oldLines = split(a, aFrom, aTo, '\n', ids);
  const newLines = split(b, bFrom, bTo, '\n', ids);
  const hunks = myersHunks(oldLines.pieces, newLines.pieces, MAX_LINE_EDITS, budget);
  if (!hunks) {
    diffSentences(a, aFrom, aTo, b, bFrom, bTo, out, budget);
    return;
  }
  const oldCount = oldLines.pieces.length;
  for (const [oldStart, oldEnd, newStart, newEnd] of hunks) {
    // A run of lines with the newline after each; at the very end there is none, so take the one before.
    let from = oldLines.starts[oldStart]!;
    let to = oldLines.starts[oldEnd]!;
    let newFrom = newLines.starts[newStart]!;
    let newTo = newLines.starts[newEnd]!;
    if (oldEnd === oldCount) {
      if (oldStart > 0 && newStart > 0) {
        from -= 1;
        newFrom -= 1;
      }
      to -= 1;
      newTo -= 1;
    }
    diffSentences(a, from, Math.max(from, to), b, newFrom, Math.max(newFrom, newTo), out, budget);
  }
}

/** Sentence-ish pieces: split after sentence punctuation followed by whitespace (no characters dropped). */
const SENTENCE_END = /(?<=[.!?;:؟؛।。]\s+)(?=\S)/u;

/** For long stretches (a huge paragraph), aligns sentences first so the word diff only sees the changed ones. */
function diffSentences(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, out: TextChange[], budget: Budget): void {
  const { from, to, newFrom, newTo } = trimCommonEnds(a, aFrom, aTo, b, bFrom, bTo);
  if (to - from + (newTo - newFrom) <= LONG_STRETCH || from === to || newFrom === newTo) {
    diffTokens(a, from, to, b, newFrom, newTo, out, budget);
    return;
  }
  const ids = new Map<string, number>();
  const oldSentences = split(a, from, to, SENTENCE_END, ids);
  const newSentences = split(b, newFrom, newTo, SENTENCE_END, ids);
  const hunks = myersHunks(oldSentences.pieces, newSentences.pieces, MAX_LINE_EDITS, budget);
  if (!hunks) {
    diffTokens(a, from, to, b, newFrom, newTo, out, budget);
    return;
  }
  for (const [oldStart, oldEnd, newStart, newEnd] of hunks) {
    diffTokens(a, oldSentences.starts[oldStart]!, Math.min(to, oldSentences.starts[oldEnd]!), b, newSentences.starts[newStart]!, Math.min(newTo, newSentences.starts[newEnd]!), out, budget);
  }
}

/** Word tokens (letters, marks, digits, ZWNJ/ZWJ), whitespace runs, or any other single code point. */
const TOKEN = /[\p{L}\p{M}\p{N}_\u200c\u200d]+|\s+|[^]/gu;

function tokenize(text: string, from: number, to: number, ids: Map<string, number>): { ids: Int32Array; starts: Int32Array } {
  const slice = text.slice(from, to);
  const tokenIds: number[] = [];
  const starts: number[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match !== null; match = TOKEN.exec(slice)) {
    const token = match[0];
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    tokenIds.push(id);
    starts.push(from + match.index);
  }
  starts.push(to);
  return { ids: Int32Array.from(tokenIds), starts: Int32Array.from(starts) };
}

/** Refines old[aFrom, aTo) → new[bFrom, bTo) word by word (each changed run then trimmed character by character). */
function diffTokens(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, out: TextChange[], budget: Budget): void {
  const { from, to, newFrom, newTo } = trimCommonEnds(a, aFrom, aTo, b, bFrom, bTo);
  const length = to - from + (newTo - newFrom);
  if (from === to || newFrom === newTo || length < MIN_TOKENIZED_LENGTH || length > budget.tokenizable) {
    pushTrimmed(a, from, to, b, newFrom, newTo, out);
    return;
  }
  // A few scattered typos: character alignment is cheaper than splitting into words, and as good.
  const charHunks = myersHunks(a.slice(from, to), b.slice(newFrom, newTo), MAX_CHARACTER_EDITS, budget);
  if (charHunks) {
    for (const [oldStart, oldEnd, newStart, newEnd] of charHunks) {
      // Widen over a surrogate pair cut by the run's edges (the neighbouring characters are shared, so both sides move alike).
      const widenLeft = oldStart > 0 && isHighSurrogate(a.charCodeAt(from + oldStart - 1)) ? 1 : 0;
      const widenRight = isLowSurrogate(a.charCodeAt(from + oldEnd)) && from + oldEnd < to ? 1 : 0;
      pushTrimmed(a, from + oldStart - widenLeft, from + oldEnd + widenRight, b, newFrom + newStart - widenLeft, newFrom + newEnd + widenRight, out);
    }
    return;
  }
  budget.tokenizable -= length;
  const ids = new Map<string, number>();
  const oldTokens = tokenize(a, from, to, ids);
  const newTokens = tokenize(b, newFrom, newTo, ids);
  const hunks = myersHunks(oldTokens.ids, newTokens.ids, MAX_TOKEN_EDITS, budget);
  if (!hunks) {
    pushTrimmed(a, from, to, b, newFrom, newTo, out);
    return;
  }
  for (const [oldStart, oldEnd, newStart, newEnd] of hunks) {
    pushTrimmed(a, oldTokens.starts[oldStart]!, oldTokens.starts[oldEnd]!, b, newTokens.starts[newStart]!, newTokens.starts[newEnd]!, out);
  }
}

/**
 * Myers' O(ND) greedy diff of two id sequences: the runs that differ, as [oldStart, oldEnd, newStart, newEnd],
 * ascending. null when more than `maxEdits` insertions + deletions would be needed (the caller goes coarser).
 * Memory O(D²) for the trace, bounded by maxEdits².
 */
function myersHunks<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>, maxEdits: number, budget: Budget): Array<[number, number, number, number]> | null {
  const n = a.length;
  const m = b.length;
  // d steps visit about d² diagonals in all: stay within the diff's remaining allowance.
  const max = Math.min(n + m, maxEdits, Math.floor(Math.sqrt(Math.max(0, budget.steps))));
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    budget.steps -= 2 * d + 1;
  }
  if (found < 0) return null;

  // Walk back through the trace, collecting the path's diagonal (equal) runs; the gaps between them differ.
  const hunks: Array<[number, number, number, number]> = [];
  let x = n;
  let y = m;
  let gapOldEnd = n;
  let gapNewEnd = m;
  for (let d = found; d >= 0; d -= 1) {
    const k = x - y;
    let snakeStartX = 0;
    let previousX = 0;
    let previousY = 0;
    if (d > 0) {
      const before = trace[d - 1]!; // before[kk + d] = v[kk] after step d − 1
      const down = k === -d || (k !== d && before[k - 1 + d]! < before[k + 1 + d]!);
      const previousK = down ? k + 1 : k - 1;
      previousX = before[previousK + d]!;
      previousY = previousX - previousK;
      snakeStartX = down ? previousX : previousX + 1;
    }
    if (snakeStartX < x) {
      if (x < gapOldEnd || y < gapNewEnd) hunks.push([x, gapOldEnd, y, gapNewEnd]);
      gapOldEnd = snakeStartX;
      gapNewEnd = snakeStartX - k;
    }
    x = previousX;
    y = previousY;
  }
  if (gapOldEnd > 0 || gapNewEnd > 0) hunks.push([0, gapOldEnd, 0, gapNewEnd]);
  hunks.reverse();
  return hunks;
}
