import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * The ONE mapping between the article document (Tiptap/ProseMirror) and its canonical plain text,
 * which claims' selectors address. Canonical text: every textblock's text, in document order,
 * joined by BLOCK_SEPARATOR; a hard break is "\n"; any other inline leaf (image, mention…) is U+FFFC.
 * Non-text blocks (horizontal rule) contribute nothing. Offsets are UTF-16, like ProseMirror's.
 */
export const BLOCK_SEPARATOR = '\n\n';
export const HARD_BREAK_TEXT = '\n';
export const INLINE_OBJECT_TEXT = '\uFFFC';
const HARD_BREAK_TYPE = 'hardBreak';
/** Textblocks of the StarterKit schema, for reading JSON without a schema instance. */
const TEXTBLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'codeBlock']);

/** Where an offset that falls between blocks snaps: the next block's start or the previous block's end. */
export type OffsetBias = 'start' | 'end';

export type DocText = {
  text: string;
  /** Document position of a text offset (0…text.length). Throws a RangeError outside that. */
  offsetToPos(offset: number, bias?: OffsetBias): number;
  /** Text offset of a document position (0…doc.content.size); structural positions snap like offsetToPos. */
  posToOffset(pos: number, bias?: OffsetBias): number;
};

/** A run where text offsets and document positions advance together (text and inline leaves of one block). */
type Segment = { textStart: number; textEnd: number; posStart: number };

const docTexts = new WeakMap<ProseMirrorNode, DocText>();

/**
 * docToText(doc), computed once per document node (nodes are immutable: the same node always has
 * the same text), so the workbench's highlight drawing and "Mark claim" share one O(n) walk of a
 * long article instead of repeating it on every click.
 */
export function docTextOf(doc: ProseMirrorNode): DocText {
  let docText = docTexts.get(doc);
  if (!docText) {
    docText = docToText(doc);
    docTexts.set(doc, docText);
  }
  return docText;
}

export function docToText(doc: ProseMirrorNode): DocText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let blockCount = 0;

  const append = (text: string, pos: number, sameBlock: boolean) => {
    const last = segments[segments.length - 1];
    // Extend the current run when this piece continues it linearly; otherwise start a new one.
    if (sameBlock && last && last.textEnd === length && last.posStart + (last.textEnd - last.textStart) === pos) last.textEnd += text.length;
    else segments.push({ textStart: length, textEnd: length + text.length, posStart: pos });
    parts.push(text);
    length += text.length;
  };

  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true; // containers (lists, blockquotes) hold textblocks further down
    if (blockCount > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    blockCount += 1;
    const contentStart = blockPos + 1;
    append('', contentStart, false); // every block gets a run, so even an empty one maps both ways
    block.descendants((inline, offset) => {
      const pos = contentStart + offset;
      if (inline.isText) append(inline.text ?? '', pos, true);
      else if (inline.isLeaf) append(inline.type.name === HARD_BREAK_TYPE ? HARD_BREAK_TEXT : INLINE_OBJECT_TEXT, pos, true);
      else return true; // an inline wrapper: its children carry the text
      return false;
    });
    return false;
  });

  const text = parts.join('');
  const contentSize = doc.content.size;
  return {
    text,
    offsetToPos(offset, bias = 'start') {
      assertInRange('offset', offset, text.length);
      const index = lastAtOrBefore(segments, offset, (s) => s.textStart);
      const segment = segments[index];
      if (!segment) return 0; // a document without textblocks
      const previous = segments[index - 1];
      // At the seam of two runs in one block (around an inline wrapper), bias picks the side.
      if (bias === 'end' && previous && offset === segment.textStart && offset === previous.textEnd) return endPos(previous);
      if (offset <= segment.textEnd) return segment.posStart + (offset - segment.textStart);
      const next = segments[index + 1];
      return bias === 'start' && next ? next.posStart : endPos(segment);
    },
    posToOffset(pos, bias = 'start') {
      assertInRange('pos', pos, contentSize);
      const index = lastAtOrBefore(segments, pos, (s) => s.posStart);
      const segment = segments[index];
      if (!segment) return 0; // before the first textblock (or none at all)
      if (pos <= endPos(segment)) return segment.textStart + (pos - segment.posStart);
      const next = segments[index + 1];
      if (bias === 'end') return segment.textEnd;
      return next ? next.textStart : text.length;
    },
  };
}

function endPos(segment: Segment): number {
  return segment.posStart + (segment.textEnd - segment.textStart);
}

function assertInRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`doc-text: ${name} ${value} is outside 0…${max}`);
}

/** Index of the last segment whose key is ≤ value (−1 if none), by binary search: keys ascend. */
function lastAtOrBefore(segments: readonly Segment[], value: number, key: (segment: Segment) => number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const segment = segments[mid];
    if (segment && key(segment) <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * docToText(doc).text straight from Tiptap JSON, without a schema (server side). Textblocks are
 * recognised by StarterKit type name, or by holding text; an inline node with children is read
 * through, one without is taken as an inline leaf (an empty inline wrapper would differ — StarterKit has none).
 */
export function jsonDocToText(json: JSONContent): string {
  const blocks: string[] = [];
  collectTextblocks(json, blocks);
  return blocks.join(BLOCK_SEPARATOR);
}

function collectTextblocks(node: JSONContent, blocks: string[]): void {
  if (isTextblock(node)) {
    blocks.push(inlineText(node.content ?? []));
    return;
  }
  for (const child of node.content ?? []) collectTextblocks(child, blocks);
}

function isTextblock(node: JSONContent): boolean {
  if (node.type !== undefined && TEXTBLOCK_TYPES.has(node.type)) return true;
  return node.content?.some((child) => child.type === 'text' || child.type === HARD_BREAK_TYPE) ?? false;
}

function inlineText(nodes: readonly JSONContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.text ?? '';
    else if (node.type === HARD_BREAK_TYPE) text += HARD_BREAK_TEXT;
    else if (node.content && node.content.length > 0) text += inlineText(node.content);
    else text += INLINE_OBJECT_TEXT;
  }
  return text;
}

/**
 * Imports plain text: paragraphs split on blank lines, single newlines become hard breaks, trailing
 * whitespace is trimmed from each line and empty paragraphs dropped. jsonDocToText of the result
 * is the normalised text (an empty text gives one empty paragraph, as a doc needs a block).
 */
export function plainTextToDocJson(text: string): JSONContent {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => trimEmptyEdgeLines(paragraph.split('\n').map((line) => line.trimEnd())))
    .filter((lines) => lines.length > 0)
    .map(paragraphJson);
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] };
}

/** Drops blank lines at a paragraph's edges (whitespace-only lines at the very start or end of the text). */
function trimEmptyEdgeLines(lines: string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === '') first += 1;
  while (last > first && lines[last - 1] === '') last -= 1;
  return lines.slice(first, last);
}

function paragraphJson(lines: string[]): JSONContent {
  const content: JSONContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: HARD_BREAK_TYPE });
    if (line !== '') content.push({ type: 'text', text: line }); // ProseMirror forbids empty text nodes
  });
  return { type: 'paragraph', content };
}
