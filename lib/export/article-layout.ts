/**
 * The annotated article as a tree every report format renders (report-html/annotated-article.tsx,
 * report-string.ts, markdown.ts): the article's structure (headings, lists, quotes, bold, italic,
 * struck and linked text, from ReportArticle.blocks) with the claim segments (segments.ts) cut to
 * fit inside it. A claim that runs across blocks (a heading and the paragraph after it, two list
 * items) is one highlight per block, all with its one number; its [n] marker follows its last
 * character. Without blocks (reports from before, old publication snapshots), or with blocks that
 * do not describe the text, the article is paragraphs split on blank lines, as it always was.
 */
import { docBlocksMatchText, type DocBlock, type DocContainer, type DocMarkRun, type DocMarkType } from '@/lib/editor/doc-blocks';
import { articleLinkHref } from '@/lib/editor/link-href';
import { textDirection } from '@/lib/text/direction';
import { segmentText, type PlacedClaim, type TextSegment } from './segments';
import type { ReportArticle } from './view-model';

/** Article headings sit below the report's own h1 (title) and h2 (sections): an article h1 is an h3. */
export const ARTICLE_HEADING_SHIFT = 2;

export type LayoutInline =
  /** Text covered by `covering` claims (outermost first); may hold "\n" (hard breaks). */
  | { kind: 'text'; text: string; start: number; covering: readonly PlacedClaim[] }
  /** The [n] markers of claims ending at `at`, inside the claims that carry on past it. */
  | { kind: 'markers'; at: number; ending: readonly PlacedClaim[]; continuing: readonly PlacedClaim[] }
  | { kind: 'mark'; mark: DocMarkType; /** links only: a safe target (http(s)/mailto) */ href?: string; children: LayoutInline[] };

export interface LayoutBlock {
  kind: 'block';
  /** 'p', or the heading's level in the article (1–6): render it ARTICLE_HEADING_SHIFT levels lower. */
  level: number | null;
  start: number;
  end: number;
  children: LayoutInline[];
}

export interface LayoutContainer {
  kind: 'container';
  type: 'bulletList' | 'orderedList' | 'listItem' | 'blockquote';
  /** An ordered list's first number. */
  start?: number;
  /**
   * The direction of the container's first text (textDirection), 'auto' when it has no letters. A
   * list or quote needs it spelled out: dir="auto" on it would skip its blocks, which carry their own
   * dir="auto", and fall back to left-to-right (the bullets and the quote's rule on the wrong side).
   */
  dir: 'rtl' | 'ltr' | 'auto';
  children: LayoutNode[];
}

export type LayoutNode = LayoutBlock | LayoutContainer;

/** The HTML element of an article heading of `level` in a report (h3…h6). */
export function headingTag(level: number): 'h3' | 'h4' | 'h5' | 'h6' {
  return `h${Math.min(6, Math.max(1, level) + ARTICLE_HEADING_SHIFT)}` as 'h3' | 'h4' | 'h5' | 'h6';
}

const MARK_ORDER: Record<DocMarkType, number> = { link: 0, bold: 1, italic: 2, strike: 3 };

/** The article's blocks if they describe its text (sanitised), else paragraphs split on blank lines. */
export function articleBlocks(article: Pick<ReportArticle, 'text' | 'blocks'>): DocBlock[] {
  const { text, blocks } = article;
  if (blocks !== undefined && docBlocksMatchText(blocks, text)) return blocks.map(sanitizeBlock);
  return paragraphBlocks(text);
}

/** Paragraphs between runs of two or more line breaks; empty ones left out. */
export function paragraphBlocks(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const separator = /(?:\r?\n){2,}/g;
  let from = 0;
  const push = (to: number) => {
    if (to > from) blocks.push({ start: from, end: to, kind: 'paragraph', containers: [], marks: [] });
  };
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    push(match.index);
    from = match.index + match[0].length;
  }
  push(text.length);
  return blocks;
}

/** A block as stored may come from an old snapshot: keep only well-formed containers, marks and levels. */
function sanitizeBlock(block: DocBlock): DocBlock {
  const containers: DocContainer[] = [];
  const chain = block.containers;
  for (let i = 0; i < chain.length; i += 1) {
    const c = chain[i] as Partial<DocContainer> | undefined;
    if (!c || !Number.isInteger(c.id)) continue;
    if (c.type === 'blockquote') containers.push({ type: 'blockquote', id: c.id! });
    else if (c.type === 'bulletList' || c.type === 'orderedList') {
      // A list holds items: a list entry counts only with its item after it.
      const item = chain[i + 1] as Partial<DocContainer> | undefined;
      if (!item || item.type !== 'listItem' || !Number.isInteger(item.id)) continue;
      const start = (c as { start?: unknown }).start;
      containers.push(c.type === 'orderedList' ? { type: 'orderedList', id: c.id!, start: Number.isInteger(start) && (start as number) >= 0 ? (start as number) : 1 } : { type: 'bulletList', id: c.id! });
      const index = (item as { index?: unknown }).index;
      containers.push({ type: 'listItem', id: item.id!, index: Number.isInteger(index) ? (index as number) : 0 });
      i += 1;
    }
  }
  const marks = block.marks.flatMap((run): DocMarkRun[] => {
    if (!Object.hasOwn(MARK_ORDER, run.type)) return [];
    if (run.type !== 'link') return [{ type: run.type, start: run.start, end: run.end }];
    const href = articleLinkHref(run.href);
    return href ? [{ type: 'link', start: run.start, end: run.end, href }] : [];
  });
  const level = block.kind === 'heading' ? (Number.isInteger(block.level) && block.level! >= 1 && block.level! <= 6 ? block.level : 1) : undefined;
  return { start: block.start, end: block.end, kind: block.kind, ...(level ? { level } : {}), containers, marks };
}

/**
 * The annotated article as a tree: containers (lists, items, quotes) holding blocks, blocks holding
 * formatted text cut at every claim boundary. Empty blocks at the top level are left out (empty
 * ones in a list item stay, so the item keeps its number). `placed`: placeClaims(article.text, …).
 */
export function layoutArticle(article: Pick<ReportArticle, 'text' | 'blocks'>, placed: readonly PlacedClaim[]): LayoutNode[] {
  const { text } = article;
  const blocks = articleBlocks(article).filter((b) => b.end > b.start || b.containers.length > 0);
  const segments = segmentText(text, placed);
  const markersOf = markersByBlock(blocks, segments);

  const root: LayoutNode[] = [];
  // Open containers, outermost first, with the node each one renders as.
  const open: Array<{ id: number; node: LayoutContainer }> = [];
  let segmentIndex = 0;
  blocks.forEach((block, index) => {
    // Close the containers this block is not in, then open the ones it enters.
    let common = 0;
    while (common < open.length && common < block.containers.length && open[common]!.id === block.containers[common]!.id) common += 1;
    open.length = common;
    for (const container of block.containers.slice(common)) {
      const dir = textDirection(text.slice(block.start, block.end)) ?? 'auto';
      const node: LayoutContainer = { kind: 'container', type: container.type, ...(container.type === 'orderedList' ? { start: container.start } : {}), dir, children: [] };
      (open.at(-1)?.node.children ?? root).push(node);
      open.push({ id: container.id, node });
    }
    while (segmentIndex < segments.length && segments[segmentIndex]!.end <= block.start) segmentIndex += 1;
    const laid: LayoutBlock = { kind: 'block', level: block.kind === 'heading' ? (block.level ?? 1) : null, start: block.start, end: block.end, children: blockInline(block, segments, segmentIndex, markersOf.get(index) ?? []) };
    (open.at(-1)?.node.children ?? root).push(laid);
  });
  return root;
}

interface Markers {
  at: number;
  ending: readonly PlacedClaim[];
  continuing: readonly PlacedClaim[];
}

/** Each segment's markers go to the last block that starts before the segment's end (a claim ending between blocks: the block before). */
function markersByBlock(blocks: readonly DocBlock[], segments: readonly TextSegment[]): Map<number, Markers[]> {
  const byBlock = new Map<number, Markers[]>();
  let index = -1;
  for (const segment of segments) {
    if (segment.ending.length === 0) continue;
    while (index + 1 < blocks.length && blocks[index + 1]!.start < segment.end) index += 1;
    if (index < 0) continue;
    const list = byBlock.get(index) ?? [];
    list.push({ at: segment.end, ending: segment.ending, continuing: segment.covering.filter((p) => p.end > segment.end) });
    byBlock.set(index, list);
  }
  return byBlock;
}

function blockInline(block: DocBlock, segments: readonly TextSegment[], firstSegment: number, markers: readonly Markers[]): LayoutInline[] {
  const root: LayoutInline[] = [];
  // Open marks, outermost first.
  const stack: Array<{ run: DocBlock['marks'][number]; node: Extract<LayoutInline, { kind: 'mark' }> }> = [];
  const target = () => stack.at(-1)?.node.children ?? root;
  let nextMarkers = 0;
  const flushMarkers = (upTo: number) => {
    while (nextMarkers < markers.length && markers[nextMarkers]!.at <= upTo) {
      // Outside every mark: a marker is a link of its own and never sits in the article's link.
      stack.length = 0;
      const m = markers[nextMarkers++]!;
      root.push({ kind: 'markers', at: m.at, ending: m.ending, continuing: m.continuing });
    }
  };

  const cuts = new Set<number>([block.start, block.end]);
  for (const run of block.marks) {
    cuts.add(Math.max(block.start, run.start));
    cuts.add(Math.min(block.end, run.end));
  }
  for (let i = firstSegment; i < segments.length && segments[i]!.start < block.end; i += 1) {
    const s = segments[i]!;
    if (s.start > block.start) cuts.add(s.start);
    if (s.end < block.end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let si = firstSegment;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (si < segments.length && segments[si]!.end <= from) si += 1;
    const segment = segments[si];
    if (!segment) break;
    // The marks over this piece, the longest-running outermost, so a run stays one element while others open and close inside it.
    const active = block.marks.filter((run) => run.start <= from && run.end >= to).sort((a, b) => a.start - b.start || b.end - a.end || MARK_ORDER[a.type] - MARK_ORDER[b.type]);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep]!.run === active[keep]) keep += 1;
    stack.length = keep;
    for (const run of active.slice(keep)) {
      const node: Extract<LayoutInline, { kind: 'mark' }> = { kind: 'mark', mark: run.type, ...(run.href ? { href: run.href } : {}), children: [] };
      target().push(node);
      stack.push({ run, node });
    }
    target().push({ kind: 'text', text: segment.text.slice(from - segment.start, to - segment.start), start: from, covering: segment.covering });
    flushMarkers(to);
  }
  // Markers of claims that end after the block's last character (between blocks).
  flushMarkers(Number.POSITIVE_INFINITY);
  return root;
}

/** Whether the tree has any text or marker to show. */
export function layoutHasContent(nodes: readonly LayoutNode[]): boolean {
  return nodes.some((node) => (node.kind === 'block' ? node.children.length > 0 : layoutHasContent(node.children)));
}
