import type { SnippetPart } from './types';

/**
 * Snippets as plain data: the engines mark matches with two control characters (FTS5 snippet()
 * and ts_headline are given char(2)/char(3)); they become SnippetPart[] here, so the page renders
 * <mark> through React and no stored text is ever treated as HTML.
 */

export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';
/** A snippet longer than this (a long block without matches in view) is cut. */
export const MAX_SNIPPET_CHARS = 320;

/** Splits engine output with sentinel marks into parts; stray or unbalanced sentinels never leak. */
export function parseSnippet(raw: string, options: { fieldSeparator?: string } = {}): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buffer = '';
  const flush = () => {
    if (buffer) push(parts, tidy(buffer, options.fieldSeparator), match);
    buffer = '';
  };
  for (const ch of raw) {
    if (ch === SNIPPET_START) {
      flush();
      match = true;
    } else if (ch === SNIPPET_END) {
      flush();
      match = false;
    } else buffer += ch;
  }
  flush();
  return clip(parts);
}

function tidy(text: string, fieldSeparator = ' '): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/\s*\n+\s*/g, fieldSeparator).replace(/[ \t]+/g, ' ');
}

function push(parts: SnippetPart[], text: string, match: boolean): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.match === match) last.text += text;
  else parts.push({ text, match });
}

function clip(parts: SnippetPart[]): SnippetPart[] {
  let total = 0;
  const out: SnippetPart[] = [];
  for (const part of parts) {
    if (total >= MAX_SNIPPET_CHARS) break;
    const room = MAX_SNIPPET_CHARS - total;
    if (part.text.length > room) {
      out.push({ text: `${part.text.slice(0, room)}…`, match: part.match });
      break;
    }
    out.push(part);
    total += part.text.length;
  }
  return out;
}

/**
 * A snippet around substring matches, for hits the engine cannot highlight itself (PostgreSQL's
 * trigram matches): case-insensitive occurrences of `needles` marked, a window of text around the first.
 */
export function substringSnippet(body: string, needles: readonly string[], options: { window?: number; fieldSeparator?: string } = {}): SnippetPart[] {
  const window = options.window ?? 160;
  const text = tidy(body, options.fieldSeparator);
  const lower = text.toLowerCase();
  const wanted = [...new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.length > 0))];
  const ranges: [number, number][] = [];
  for (const needle of wanted) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at === -1) break;
      ranges.push([at, at + needle.length]);
      from = at + needle.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return windowed(text, merged, window);
}

export interface SnippetWord {
  /** Lower-cased letters/digits, as lib/search/query.ts termWords gives them. */
  word: string;
  prefix: boolean;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** Case and diacritics folded, as the word index compares (unicode61 remove_diacritics). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/**
 * A snippet around whole-word matches, for engines whose highlighter would alter the text
 * (PostgreSQL's ts_headline drops anything that looks like an HTML tag): words equal to one of
 * `words` (or starting with a prefix word) are marked, in a window around the first match.
 */
export function wordSnippet(body: string, words: readonly SnippetWord[], options: { window?: number; fieldSeparator?: string } = {}): SnippetPart[] {
  const window = options.window ?? 160;
  const text = tidy(body, options.fieldSeparator);
  const ranges: [number, number][] = [];
  const wanted = words.map((w) => ({ word: fold(w.word), prefix: w.prefix })).filter((w) => w.word);
  for (const m of text.matchAll(WORD_RUN)) {
    const token = fold(m[0]);
    if (wanted.some((w) => (w.prefix ? token.startsWith(w.word) : token === w.word))) ranges.push([m.index, m.index + m[0].length]);
  }
  return windowed(text, ranges, window);
}

function windowed(text: string, merged: [number, number][], window: number): SnippetPart[] {
  const first = merged[0]?.[0] ?? 0;
  const start = Math.max(0, first - Math.floor(window / 3));
  const end = Math.min(text.length, start + window);
  const parts: SnippetPart[] = [];
  if (start > 0) push(parts, '…', false);
  let cursor = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    push(parts, text.slice(cursor, s), false);
    push(parts, text.slice(s, e), true);
    cursor = e;
  }
  push(parts, text.slice(cursor, end), false);
  if (end < text.length) push(parts, '…', false);
  return parts;
}
