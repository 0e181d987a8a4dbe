/**
 * A two-column view of a text change, paragraph by paragraph (story updates, revision comparison).
 * Pure; no DOM or Node APIs.
 *
 * Built from the change list (lib/text/diff diffText, or a revision's stored changes), never by
 * diffing the texts again: only the paragraphs a change touches are looked at closely, so a
 * 100,000-word article with a few edits costs a paragraph split and a few small rows. Paragraphs
 * are the canonical text's blocks ("\n\n"-separated, lib/editor/doc-text).
 */
import type { TextChange } from './diff';

export const PARAGRAPH_SEPARATOR = '\n\n';
/** A run of unchanged paragraphs longer than this is collapsed, keeping CONTEXT_PARAGRAPHS either side of a change. */
export const COLLAPSE_AFTER = 3;
export const CONTEXT_PARAGRAPHS = 1;
/** A collapsed run carries its paragraphs (so a reader can expand it) only up to this many UTF-16 units in all. */
export const MAX_EXPANDABLE_CHARS = 20_000;

/** A stretch of one side's paragraph: unchanged, or removed (left) / inserted (right). */
export interface SideSpan {
  text: string;
  mark?: 'removed' | 'inserted';
}

/** One paragraph of one column: its index among that text's paragraphs and its spans. */
export interface SideParagraph {
  index: number;
  spans: SideSpan[];
}

export type SideBySideRow =
  /** The same paragraph on both sides. */
  | { kind: 'same'; old: SideParagraph; new: SideParagraph }
  /** `count` unchanged paragraphs, shown collapsed; `paragraphs` when short enough to expand. */
  | { kind: 'collapsed'; count: number; oldIndex: number; newIndex: number; paragraphs?: string[] }
  /** A paragraph edited in place (either side may be absent when a paragraph was split or joined). */
  | { kind: 'changed'; old: SideParagraph | null; new: SideParagraph | null }
  | { kind: 'removed'; old: SideParagraph }
  | { kind: 'added'; new: SideParagraph };

export interface SideBySide {
  rows: SideBySideRow[];
  /** Paragraphs on each side and how many rows are changes of each kind. */
  stats: { oldParagraphs: number; newParagraphs: number; changed: number; added: number; removed: number };
}

/** Word characters: a mark that cuts a word is widened to the whole word (a typo fix shows the word replaced). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_\u200c\u200d]/u;

/**
 * The rows of the side-by-side view of `oldText` → `newText`, where `changes` turns the one into the
 * other (ascending, non-overlapping, UTF-16 offsets into oldText). Throws a TypeError on bad input,
 * including changes that do not add up to newText's length.
 */
export function sideBySide(oldText: string, newText: string, changes: readonly TextChange[]): SideBySide {
  if (typeof oldText !== 'string') throw new TypeError('sideBySide: oldText must be a string');
  if (typeof newText !== 'string') throw new TypeError('sideBySide: newText must be a string');
  checkChanges(oldText, newText, changes);
  const oldStarts = paragraphStarts(oldText);
  const newStarts = paragraphStarts(newText);
  const stats = { oldParagraphs: oldStarts.length, newParagraphs: newStarts.length, changed: 0, added: 0, removed: 0 };

  // The changes with their place in the new text, widened to whole words.
  const placed = placeChanges(oldText, newText, changes);
  // Hunks: runs of paragraphs (old and new) touched by changes; changes whose paragraphs overlap share one.
  const hunks: Hunk[] = [];
  for (const change of placed) {
    const oldFrom = paragraphAt(oldStarts, change.from);
    const oldTo = paragraphAt(oldStarts, change.to);
    const newFrom = paragraphAt(newStarts, change.newFrom);
    const newTo = paragraphAt(newStarts, change.newTo);
    const last = hunks[hunks.length - 1];
    if (last && (oldFrom <= last.oldTo || newFrom <= last.newTo)) {
      last.oldTo = Math.max(last.oldTo, oldTo);
      last.newTo = Math.max(last.newTo, newTo);
      last.changes.push(change);
    } else {
      hunks.push({ oldFrom, oldTo, newFrom, newTo, changes: [change] });
    }
  }
  // Unchanged paragraphs between hunks pair one to one; if a gap's counts differ (a change at a
  // paragraph edge read differently on the two sides), the hunks either side are joined.
  const merged: Hunk[] = [];
  for (const hunk of hunks) {
    const last = merged[merged.length - 1];
    const oldGap = hunk.oldFrom - (last ? last.oldTo + 1 : 0);
    const newGap = hunk.newFrom - (last ? last.newTo + 1 : 0);
    if (oldGap !== newGap || oldGap < 0) {
      if (last) {
        last.oldTo = Math.max(last.oldTo, hunk.oldTo);
        last.newTo = Math.max(last.newTo, hunk.newTo);
        last.changes.push(...hunk.changes);
      } else {
        merged.push({ ...hunk, oldFrom: 0, newFrom: 0 });
      }
    } else {
      merged.push(hunk);
    }
  }

  const rows: SideBySideRow[] = [];
  let oldAt = 0;
  let newAt = 0;
  const pushUnchanged = (count: number, isFirst: boolean, isLast: boolean) => {
    if (count <= 0) return;
    const keepBefore = isFirst ? 0 : CONTEXT_PARAGRAPHS;
    const keepAfter = isLast ? 0 : CONTEXT_PARAGRAPHS;
    if (count <= Math.max(COLLAPSE_AFTER, keepBefore + keepAfter)) {
      for (let i = 0; i < count; i += 1) rows.push(sameRow(oldText, oldStarts, oldAt + i, newAt + i));
    } else {
      for (let i = 0; i < keepBefore; i += 1) rows.push(sameRow(oldText, oldStarts, oldAt + i, newAt + i));
      const hidden = count - keepBefore - keepAfter;
      const from = oldAt + keepBefore;
      const chars = paragraphEnd(oldText, oldStarts, from + hidden - 1) - oldStarts[from]!;
      rows.push({
        kind: 'collapsed',
        count: hidden,
        oldIndex: from,
        newIndex: newAt + keepBefore,
        ...(chars <= MAX_EXPANDABLE_CHARS ? { paragraphs: Array.from({ length: hidden }, (_, i) => paragraphText(oldText, oldStarts, from + i)) } : {}),
      });
      for (let i = count - keepAfter; i < count; i += 1) rows.push(sameRow(oldText, oldStarts, oldAt + i, newAt + i));
    }
    oldAt += count;
    newAt += count;
  };

  merged.forEach((hunk, h) => {
    pushUnchanged(hunk.oldFrom - oldAt, h === 0, false);
    rows.push(...hunkRows(oldText, newText, oldStarts, newStarts, hunk, stats));
    oldAt = hunk.oldTo + 1;
    newAt = hunk.newTo + 1;
  });
  pushUnchanged(oldStarts.length - oldAt, merged.length === 0, true);
  return { rows, stats };
}

interface PlacedChange {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

interface Hunk {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
  changes: PlacedChange[];
}

function checkChanges(oldText: string, newText: string, changes: readonly TextChange[]): void {
  if (!Array.isArray(changes)) throw new TypeError('sideBySide: changes must be an array');
  let previousTo = 0;
  let length = oldText.length;
  changes.forEach((change: unknown, i) => {
    if (typeof change !== 'object' || change === null) throw new TypeError(`sideBySide: changes[${i}] must be an object`);
    const { from, to, insert } = change as Record<string, unknown>;
    if (typeof from !== 'number' || typeof to !== 'number' || !Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
      throw new TypeError(`sideBySide: changes[${i}] must have integer from ≤ to`);
    }
    if (typeof insert !== 'string') throw new TypeError(`sideBySide: changes[${i}].insert must be a string`);
    if (from < previousTo) throw new TypeError(`sideBySide: changes[${i}] overlaps or precedes the previous change`);
    if (to > oldText.length) throw new TypeError(`sideBySide: changes[${i}] ends beyond the old text`);
    previousTo = to;
    length += insert.length - (to - from);
  });
  if (length !== newText.length) throw new TypeError(`sideBySide: the changes do not turn the old text into the new one (${length} ≠ ${newText.length} UTF-16 units)`);
}

/** Each change's old range and new range, widened over the word characters around it (the same on both sides, since they are unchanged there), merged where they meet. */
function placeChanges(oldText: string, newText: string, changes: readonly TextChange[]): PlacedChange[] {
  const placed: PlacedChange[] = [];
  let shift = 0;
  changes.forEach((change, i) => {
    let from = change.from;
    let to = change.to;
    let newFrom = from + shift;
    let newTo = newFrom + change.insert.length;
    shift += change.insert.length - (change.to - change.from);
    const last = placed[placed.length - 1];
    const floor = last ? last.to : 0;
    const newFloor = last ? last.newTo : 0;
    const next = changes[i + 1];
    const ceiling = next ? next.from : oldText.length;
    const newCeiling = next ? next.from + shift : newText.length;
    // A whole paragraph added or removed: slid to the paragraph's edges where the text allows
    // (the diff may have cut it from the middle of the sentence before: "begins.|\n\nOpponents … structure|.").
    if (from === to && newFrom < newTo) {
      const slid = slideToParagraph(newText, newFrom, newTo, newFloor, newCeiling);
      from += slid - newFrom;
      to = from;
      newTo += slid - newFrom;
      newFrom = slid;
    } else if (newFrom === newTo && from < to) {
      const slid = slideToParagraph(oldText, from, to, floor, ceiling);
      newFrom += slid - from;
      newTo = newFrom;
      to += slid - from;
      from = slid;
    }
    // Only where the change cuts a word: a word character on both sides of its edge.
    const inserted = newText.slice(newFrom, newTo);
    const cutsLeft = isWordChar(inserted, 0) || (to > from && isWordChar(oldText, from));
    const cutsRight = isWordChar(inserted, inserted.length - 1) || (to > from && isWordChar(oldText, to - 1));
    while (cutsLeft && from > floor && newFrom > newFloor && isWordChar(oldText, from - 1)) {
      from -= 1;
      newFrom -= 1;
    }
    while (cutsRight && to < ceiling && isWordChar(oldText, to)) {
      to += 1;
      newTo += 1;
    }
    if (last && last.to >= from) {
      last.to = to;
      last.newTo = newTo;
    } else {
      placed.push({ from, to, newFrom, newTo });
    }
  });
  return placed;
}

/** At most this many positions are tried when sliding an added or removed run to a paragraph's edges. */
const MAX_SLIDE = 4_096;

/**
 * Where the run text[from, to) (wholly inserted or deleted, same result anywhere it slides) best
 * starts: the position, between floor and ceiling, at which it is whole paragraphs (a paragraph
 * start and a separator at its end, or a separator at its start and a paragraph end); else `from`.
 */
function slideToParagraph(text: string, from: number, to: number, floor: number, ceiling: number): number {
  const length = to - from;
  let start = from;
  for (let steps = 0; steps < MAX_SLIDE && start > floor && text.charCodeAt(start - 1) === text.charCodeAt(start + length - 1); steps += 1) start -= 1;
  for (let steps = 0; steps < MAX_SLIDE; steps += 1) {
    const end = start + length;
    const atStart = start === 0 || text.startsWith(PARAGRAPH_SEPARATOR, start - PARAGRAPH_SEPARATOR.length);
    const atEnd = end === text.length || text.startsWith(PARAGRAPH_SEPARATOR, end);
    if ((atStart && text.startsWith(PARAGRAPH_SEPARATOR, end - PARAGRAPH_SEPARATOR.length)) || (atEnd && text.startsWith(PARAGRAPH_SEPARATOR, start))) return start;
    if (end >= ceiling || text.charCodeAt(start) !== text.charCodeAt(end)) break;
    start += 1;
  }
  return from;
}

function isWordChar(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  // A surrogate half: take the pair together (letters outside the BMP are word characters too).
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD_CHAR.test(text[at]!);
}

/** Where each paragraph starts (the first is 0). An empty text has one empty paragraph. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf(PARAGRAPH_SEPARATOR); at >= 0; at = text.indexOf(PARAGRAPH_SEPARATOR, at + PARAGRAPH_SEPARATOR.length)) {
    starts.push(at + PARAGRAPH_SEPARATOR.length);
  }
  return starts;
}

/** The paragraph holding offset `at` (an offset inside a separator belongs to the paragraph before it). */
function paragraphAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

function paragraphEnd(text: string, starts: readonly number[], i: number): number {
  return i + 1 < starts.length ? starts[i + 1]! - PARAGRAPH_SEPARATOR.length : text.length;
}

function paragraphText(text: string, starts: readonly number[], i: number): string {
  return text.slice(starts[i]!, paragraphEnd(text, starts, i));
}

function sameRow(oldText: string, oldStarts: readonly number[], oldIndex: number, newIndex: number): SideBySideRow {
  const spans = [{ text: paragraphText(oldText, oldStarts, oldIndex) }];
  return { kind: 'same', old: { index: oldIndex, spans }, new: { index: newIndex, spans } };
}

/** One column's paragraphs of a hunk, with the marked ranges cut into spans; `whole` when every character is marked. */
function columnParagraphs(text: string, starts: readonly number[], from: number, to: number, marks: ReadonlyArray<[number, number]>, mark: 'removed' | 'inserted'): Array<SideParagraph & { whole: boolean }> {
  const out: Array<SideParagraph & { whole: boolean }> = [];
  let m = 0;
  for (let i = from; i <= to; i += 1) {
    const start = starts[i]!;
    const end = paragraphEnd(text, starts, i);
    const spans: SideSpan[] = [];
    let at = start;
    let markedChars = 0;
    while (m < marks.length && marks[m]![1] <= start && marks[m]![0] < start) m += 1;
    for (let k = m; k < marks.length && marks[k]![0] <= end; k += 1) {
      const a = Math.max(start, marks[k]![0]);
      const b = Math.min(end, marks[k]![1]);
      if (b <= a) continue;
      if (a > at) spans.push({ text: text.slice(at, a) });
      spans.push({ text: text.slice(a, b), mark });
      markedChars += b - a;
      at = b;
    }
    if (end > at) spans.push({ text: text.slice(at, end) });
    // A paragraph inside a marked range (separators included) counts as wholly removed/inserted, even when empty.
    const inside = marks.some(([a, b]) => a <= start && b >= end && (a < start || b > end || end > start));
    out.push({ index: i, spans, whole: end > start ? markedChars === end - start : inside });
  }
  return out;
}

/** Largest hunk (old paragraphs × new paragraphs) whose paragraphs are aligned as whole strings before pairing. */
const MAX_HUNK_ALIGNMENT = 250_000;

/**
 * The rows of one hunk. Its paragraphs are first aligned as whole strings (longest common
 * subsequence), so a paragraph the diff happened to cut at a different place than the reader would
 * (a whole paragraph deleted, matched from the middle of its neighbour) still shows as unchanged
 * plus removed. Between aligned paragraphs, the rest pair up in order as changed (with the marks
 * from the changes); the leftover ones are added or removed.
 */
function hunkRows(oldText: string, newText: string, oldStarts: readonly number[], newStarts: readonly number[], hunk: Hunk, stats: SideBySide['stats']): SideBySideRow[] {
  const left = columnParagraphs(oldText, oldStarts, hunk.oldFrom, hunk.oldTo, hunk.changes.map((c) => [c.from, c.to]), 'removed');
  const right = columnParagraphs(newText, newStarts, hunk.newFrom, hunk.newTo, hunk.changes.map((c) => [c.newFrom, c.newTo]), 'inserted');
  const leftTexts = left.map((p) => paragraphText(oldText, oldStarts, p.index));
  const rightTexts = right.map((p) => paragraphText(newText, newStarts, p.index));
  const pairs = left.length * right.length <= MAX_HUNK_ALIGNMENT ? commonParagraphs(leftTexts, rightTexts) : [];
  const rows: SideBySideRow[] = [];
  const plain = (index: number, value: string): SideParagraph => ({ index, spans: [{ text: value }] });
  const whole = (index: number, value: string, mark: 'removed' | 'inserted'): SideParagraph => ({ index, spans: value ? [{ text: value, mark }] : [] });
  const strip = ({ index, spans }: SideParagraph): SideParagraph => ({ index, spans });
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [left.length, right.length] as const]) {
    // The gap before this aligned pair. Its longer side first gives up paragraphs the changes
    // wholly removed/inserted (they stand alone); the rest pair up in order as changed.
    const standLeft = new Set<number>();
    const standRight = new Set<number>();
    let extra = pi - i - (pj - j);
    for (let k = i; k < pi && extra > 0; k += 1) {
      if (!left[k]!.whole) continue;
      standLeft.add(k);
      extra -= 1;
    }
    for (let k = j; k < pj && extra < 0; k += 1) {
      if (!right[k]!.whole) continue;
      standRight.add(k);
      extra += 1;
    }
    while (i < pi || j < pj) {
      if (i < pi && (standLeft.has(i) || j >= pj)) {
        rows.push({ kind: 'removed', old: whole(left[i]!.index, leftTexts[i]!, 'removed') });
        stats.removed += 1;
        i += 1;
      } else if (j < pj && (standRight.has(j) || i >= pi)) {
        rows.push({ kind: 'added', new: whole(right[j]!.index, rightTexts[j]!, 'inserted') });
        stats.added += 1;
        j += 1;
      } else {
        rows.push({ kind: 'changed', old: strip(left[i]!), new: strip(right[j]!) });
        stats.changed += 1;
        i += 1;
        j += 1;
      }
    }
    if (pi < left.length && pj < right.length) {
      rows.push({ kind: 'same', old: plain(left[pi]!.index, leftTexts[pi]!), new: plain(right[pj]!.index, rightTexts[pj]!) });
    }
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}

/** Index pairs of a longest common subsequence of two short string lists, ascending. */
function commonParagraphs(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let x = n - 1; x >= 0; x -= 1) {
    for (let y = m - 1; y >= 0; y -= 1) {
      table[x * (m + 1) + y] = a[x] === b[y] ? table[(x + 1) * (m + 1) + y + 1]! + 1 : Math.max(table[(x + 1) * (m + 1) + y]!, table[x * (m + 1) + y + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (a[x] === b[y]) {
      pairs.push([x, y]);
      x += 1;
      y += 1;
    } else if (table[(x + 1) * (m + 1) + y]! >= table[x * (m + 1) + y + 1]!) x += 1;
    else y += 1;
  }
  return pairs;
}
