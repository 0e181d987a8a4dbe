import type { JSONContent } from '@tiptap/core';
import { BLOCK_SEPARATOR, HARD_BREAK_TEXT, INLINE_OBJECT_TEXT } from './doc-text';
import { articleLinkHref } from './link-href';

/**
 * The article's structure beside its canonical plain text (lib/editor/doc-text.ts): every
 * textblock in document order with its offsets in that text, what kind of block it is, the
 * containers it sits in (lists, list items, quotes) and its inline formatting, as plain data. The
 * exports render the structure from this (lib/export), so they never need the editor document.
 * Read straight from Tiptap JSON, like jsonDocToText, and exactly in step with it: the blocks'
 * text joined by BLOCK_SEPARATOR is jsonDocToText(doc).
 */

/** A container a block sits in. `id` tells two containers apart (unique within one document, in document order). */
export type DocContainer =
  | { type: 'bulletList'; id: number }
  | { type: 'orderedList'; id: number; /** The number of its first item. */ start: number }
  /** An item of the list right before it in the chain; `index` counts from 0. */
  | { type: 'listItem'; id: number; index: number }
  | { type: 'blockquote'; id: number };

export type DocMarkType = 'bold' | 'italic' | 'strike' | 'link';

/** A stretch of formatted text, in canonical-text offsets (within its block). */
export interface DocMarkRun {
  type: DocMarkType;
  start: number;
  end: number;
  /** A link's target (only http(s)/mailto targets: lib/editor/link-href.ts); other marks have none. */
  href?: string;
}

export interface DocBlock {
  /** UTF-16 offsets of the block's text in the canonical plain text. */
  start: number;
  end: number;
  kind: 'paragraph' | 'heading';
  /** A heading's level, 1–6. */
  level?: number;
  /** Outermost first; empty for a block at the top of the document. */
  containers: DocContainer[];
  /** Sorted by start; runs of one type never overlap (adjacent equal runs are merged). */
  marks: DocMarkRun[];
}

const HARD_BREAK_TYPE = 'hardBreak';
const TEXTBLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'codeBlock']);
const MARK_TYPES: Readonly<Record<string, DocMarkType>> = { bold: 'bold', italic: 'italic', strike: 'strike', link: 'link' };
/** Deeper than the article schema allows (MAX_DOC_DEPTH 64): nothing deeper is read. */
const MAX_DEPTH = 100;

/**
 * The textblocks of a Tiptap JSON document with their offsets, containers and marks. Tolerates any
 * input (a non-document gives []); a stored article document always gives blocks whose text
 * joined by "\n\n" is its plain text (docBlocksMatchText checks that).
 */
export function docBlocks(doc: unknown): DocBlock[] {
  const blocks: DocBlock[] = [];
  if (!isNode(doc)) return blocks;
  const state = { offset: 0, nextId: 0 };
  walk(doc, [], blocks, state, 0);
  return blocks;
}

function walk(node: JSONContent, containers: DocContainer[], blocks: DocBlock[], state: { offset: number; nextId: number }, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (isTextblock(node)) {
    if (blocks.length > 0) state.offset += BLOCK_SEPARATOR.length;
    const start = state.offset;
    const marks: DocMarkRun[] = [];
    state.offset += inline(children(node), marks, state.offset, depth + 1);
    const level = node.attrs?.level;
    const heading = node.type === 'heading';
    blocks.push({
      start,
      end: state.offset,
      kind: heading ? 'heading' : 'paragraph',
      ...(heading ? { level: Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 6 ? (level as number) : 1 } : {}),
      containers,
      marks: mergeRuns(marks),
    });
    return;
  }
  const kids = children(node);
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    const start = node.attrs?.start;
    const list: DocContainer =
      node.type === 'orderedList'
        ? { type: 'orderedList', id: state.nextId++, start: Number.isInteger(start) && (start as number) >= 0 ? (start as number) : 1 }
        : { type: 'bulletList', id: state.nextId++ };
    let index = 0;
    for (const child of kids) {
      if (child.type === 'listItem') {
        walk(child, [...containers, list, { type: 'listItem', id: state.nextId++, index }], blocks, state, depth + 2);
        index += 1;
      } else walk(child, [...containers, list], blocks, state, depth + 1);
    }
    return;
  }
  const inner = node.type === 'blockquote' ? [...containers, { type: 'blockquote', id: state.nextId++ } as DocContainer] : containers;
  for (const child of kids) walk(child, inner, blocks, state, depth + 1);
}

/** Appends the inline content's mark runs and returns its text length (jsonDocToText's inlineText). */
function inline(nodes: readonly JSONContent[], marks: DocMarkRun[], offset: number, depth: number): number {
  let length = 0;
  for (const node of nodes) {
    let size: number;
    if (node.type === 'text') size = typeof node.text === 'string' ? node.text.length : 0;
    else if (node.type === HARD_BREAK_TYPE) size = HARD_BREAK_TEXT.length;
    else if (Array.isArray(node.content) && node.content.length > 0) size = depth > MAX_DEPTH ? 0 : inline(node.content.filter(isNode), marks, offset + length, depth + 1);
    else size = INLINE_OBJECT_TEXT.length;
    if (size > 0 && Array.isArray(node.marks)) {
      for (const mark of node.marks) {
        const type = isNode(mark) && typeof mark.type === 'string' ? MARK_TYPES[mark.type] : undefined;
        if (!type) continue;
        if (type === 'link') {
          const href = articleLinkHref(mark.attrs?.href);
          if (href) marks.push({ type, start: offset + length, end: offset + length + size, href });
        } else marks.push({ type, start: offset + length, end: offset + length + size });
      }
    }
    length += size;
  }
  return length;
}

/** Sorted by start, then type; touching or overlapping runs of one type (one target for links) become one. */
function mergeRuns(runs: DocMarkRun[]): DocMarkRun[] {
  const order: Record<DocMarkType, number> = { link: 0, bold: 1, italic: 2, strike: 3 };
  runs.sort((a, b) => a.start - b.start || order[a.type] - order[b.type]);
  const merged: DocMarkRun[] = [];
  const lastOfType = new Map<string, DocMarkRun>();
  for (const run of runs) {
    const last = lastOfType.get(run.type);
    if (last && last.end >= run.start && last.href === run.href) {
      last.end = Math.max(last.end, run.end);
      continue;
    }
    const copy = { ...run };
    merged.push(copy);
    lastOfType.set(run.type, copy);
  }
  return merged;
}

function isNode(value: unknown): value is JSONContent {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: JSONContent): JSONContent[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

function isTextblock(node: JSONContent): boolean {
  if (typeof node.type === 'string' && TEXTBLOCK_TYPES.has(node.type)) return true;
  return Array.isArray(node.content) && node.content.some((child) => isNode(child) && (child.type === 'text' || child.type === HARD_BREAK_TYPE));
}

/**
 * Whether `blocks` describe `text`: in order, separated by exactly BLOCK_SEPARATOR, covering it
 * from 0 to its end, with mark runs inside their blocks (the check an export makes before trusting
 * blocks stored beside a text, e.g. in an old publication snapshot).
 */
export function docBlocksMatchText(blocks: unknown, text: string): blocks is DocBlock[] {
  if (!Array.isArray(blocks) || typeof text !== 'string') return false;
  if (blocks.length === 0) return text === '';
  let expected = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    const block: unknown = blocks[i];
    if (!isNode(block)) return false;
    const { start, end, containers, marks, kind } = block as Partial<DocBlock>;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start !== expected || end! < start || end! > text.length) return false;
    if (kind !== 'paragraph' && kind !== 'heading') return false;
    if (!Array.isArray(containers) || !Array.isArray(marks)) return false;
    for (const run of marks) {
      if (!isNode(run) || !Number.isInteger(run.start) || !Number.isInteger(run.end)) return false;
      if ((run.start as number) < start! || (run.end as number) > end! || (run.start as number) >= (run.end as number)) return false;
    }
    if (i < blocks.length - 1) {
      if (text.slice(end, end! + BLOCK_SEPARATOR.length) !== BLOCK_SEPARATOR) return false;
      expected = end! + BLOCK_SEPARATOR.length;
    } else if (end !== text.length) return false;
  }
  return true;
}
