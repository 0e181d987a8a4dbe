import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { JSDOM } from 'jsdom';
import { articleSchema } from '@/lib/editor/article-schema';
import { sanitizeArticleFragment, type SanitizeOptions, type SanitizeReport } from './sanitize';

/**
 * Sanitized HTML (lib/import/sanitize.ts) → an article document (Tiptap JSON), parsed by the
 * article schema's own rules exactly as the editor parses pasted HTML: whitespace collapses as a
 * browser shows it, marks and links come from <strong>/<em>/<s>/<a>. The result is then cleaned:
 * text NFC, no control characters (LRM/RLM, ZWJ/ZWNJ and other format characters
 * kept, they matter in Persian and Arabic), empty paragraphs/headings/items/lists/quotes dropped,
 * line breaks at a paragraph's edges dropped. May return a document with no blocks: the caller
 * decides what an empty import means.
 */
export function htmlToDoc(sanitizedHtml: string): JSONContent {
  return fragmentToDoc(JSDOM.fragment(sanitizedHtml));
}

function fragmentToDoc(fragment: DocumentFragment): JSONContent {
  const parsed = ProseMirrorDOMParser.fromSchema(articleSchema()).parse(fragment).toJSON() as JSONContent;
  return cleanDoc(parsed);
}

/** Untrusted HTML → document: sanitizeArticleHtml then htmlToDoc, with what the sanitizer dropped. */
export function untrustedHtmlToDoc(html: string, options: SanitizeOptions = {}): { doc: JSONContent; report: SanitizeReport } {
  const { fragment, ...report } = sanitizeArticleFragment(html, options);
  return { doc: fragmentToDoc(fragment), report };
}

// C0 controls but tab/newline/CR (handled as whitespace), DEL, C1 controls.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as an article stores it: NFC, no control characters, broken surrogates replaced. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATES, '\uFFFD').normalize('NFC');
}

const TEXTBLOCKS = new Set(['paragraph', 'heading']);
const LISTS = new Set(['bulletList', 'orderedList']);

/** `trimEdges`: drop spaces left at a paragraph's edges (HTML; plain text keeps its indentation). */
export function cleanDoc(doc: JSONContent, options: { trimEdges?: boolean } = {}): JSONContent {
  return { type: 'doc', content: cleanBlocks(doc.content ?? [], options.trimEdges ?? true) };
}

function cleanBlocks(blocks: readonly JSONContent[], trimEdges: boolean): JSONContent[] {
  const out: JSONContent[] = [];
  for (const block of blocks) {
    const type = block.type ?? '';
    if (TEXTBLOCKS.has(type)) {
      const content = cleanInline(block.content ?? [], trimEdges);
      if (content.some((node) => node.type === 'text' && node.text!.trim() !== '')) out.push({ ...block, content });
    } else if (LISTS.has(type)) {
      const items = cleanListItems(block.content ?? [], trimEdges);
      if (items.length > 0) out.push({ ...block, content: items });
    } else if (type === 'blockquote') {
      const content = cleanBlocks(block.content ?? [], trimEdges);
      if (content.length > 0) out.push({ ...block, content });
    } else if (type === 'horizontalRule') {
      if (out.length > 0 && out[out.length - 1]!.type !== 'horizontalRule') out.push(block);
    } else if (block.content) out.push(...cleanBlocks(block.content, trimEdges));
  }
  while (out.length > 0 && out[out.length - 1]!.type === 'horizontalRule') out.pop();
  return out;
}

/** List items must start with a paragraph: an item left starting with a list gives its items to the parent list. */
function cleanListItems(items: readonly JSONContent[], trimEdges: boolean): JSONContent[] {
  const out: JSONContent[] = [];
  for (const item of items) {
    const content = cleanBlocks(item.content ?? [], trimEdges);
    if (content.length === 0) continue;
    const first = content[0]!;
    if (first.type === 'paragraph') out.push({ ...item, content });
    else if (LISTS.has(first.type ?? '')) {
      out.push(...(first.content ?? []));
      if (content.length > 1) out.push({ ...item, content: [{ type: 'paragraph', content: [] }, ...content.slice(1)] }); // rare: keeps the rest in place
    } else if (first.type === 'heading') out.push({ ...item, content: [{ ...first, type: 'paragraph', attrs: undefined }, ...content.slice(1)].map(stripUndefined) });
    else out.push({ ...item, content: [{ type: 'paragraph', content: [] }, ...content] });
  }
  return out.filter((item) => item.content!.some((block) => block.type !== 'paragraph' || (block.content ?? []).length > 0));
}

function stripUndefined(node: JSONContent): JSONContent {
  const copy = { ...node };
  for (const key of Object.keys(copy) as (keyof JSONContent)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}

function cleanInline(nodes: readonly JSONContent[], trimEdges: boolean): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = cleanText(node.text ?? '');
      if (text === '') continue;
      const previous = out[out.length - 1];
      if (previous?.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) previous.text += text;
      else out.push({ ...node, text });
    } else out.push(node);
  }
  while (out.length > 0 && out[0]!.type === 'hardBreak') out.shift();
  while (out.length > 0 && out[out.length - 1]!.type === 'hardBreak') out.pop();
  if (!trimEdges) return out;
  // Whitespace left at the edges by a removed break or control character.
  const first = out[0];
  if (first?.type === 'text') first.text = first.text!.replace(/^[ \n]+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text!.replace(/[ \n]+$/, '');
  return out.filter((node) => node.type !== 'text' || node.text !== '');
}
