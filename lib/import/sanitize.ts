import { JSDOM } from 'jsdom';
import sanitizeHtml from 'sanitize-html';
import { articleLinkHref } from '@/lib/editor/link-href';

/**
 * The HTML gate of every importer: untrusted HTML (a web page, the clipboard, a .docx converted by
 * mammoth, rendered Markdown) in, HTML holding only what the article schema can hold out:
 * p, h1–h6, ul, ol[start], li, blockquote, a[href] (http(s)/mailto through articleLinkHref),
 * strong/b, em/i, s/del/strike, br, hr. Nothing else survives: no attribute but those two, no
 * script/style/iframe/object/embed/svg/math/form, no event handler, no other URL scheme.
 *
 * Two sanitize-html passes around a DOM step (jsdom, which never runs scripts nor loads anything
 * here): pass 1 is the security filter (it also drops the text of script/style/noscript/template…)
 * but still lets through a few structural tags the DOM step needs; the DOM step turns figures and
 * images into their descriptions, tables into one paragraph per row, <pre> into lines, and
 * unwraps containers (div, section…) into paragraphs; pass 2 applies the exact schema allowlist.
 */

/** Tags of the article schema, as HTML. */
export const SCHEMA_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'a', 'strong', 'b', 'em', 'i', 's', 'del', 'strike', 'br', 'hr'] as const;

/** Block containers unwrapped by the DOM step (their inline content becomes paragraphs). */
const CONTAINER_TAGS = ['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'center', 'details', 'summary', 'hgroup', 'dl', 'dt', 'dd', 'figure', 'figcaption'];
/** Structure the DOM step reads before it is gone. */
const STRUCTURAL_TAGS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'img', 'pre', ...CONTAINER_TAGS];
/** Disallowed tags that still separate blocks: they become a <div> (then unwrapped) rather than run their text into the next block. */
const BLOCK_LIKE_DISALLOWED = ['form', 'fieldset', 'legend', 'body', 'listing', 'menu', 'dir', 'search', 'frameset'];
/** Disallowed tags whose text goes too (not article text: code, embedded documents, widgets). */
const DROP_WITH_TEXT = ['script', 'style', 'noscript', 'template', 'title', 'head', 'textarea', 'option', 'select', 'button', 'svg', 'math', 'iframe', 'object', 'embed', 'applet', 'canvas', 'video', 'audio', 'noembed', 'noframes', 'xmp', 'plaintext', 'datalist', 'map', 'frame', 'dialog'];

const BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'pre', 'table', ...CONTAINER_TAGS]);
const MAX_LIST_START = 1_000_000;
/** Deeper markup than this is discarded tag by tag (its text stays): no real article nests so deep. */
const NESTING_LIMIT = 200;

export interface SanitizeOptions {
  /** Resolves relative links (a page's URL); without it relative links are dropped (their text stays). */
  baseUrl?: string;
}

export interface SanitizeReport {
  /** Images dropped (their alt text and captions kept as text). */
  imagesDropped: number;
  /** Tables turned into one paragraph per row. */
  tablesFlattened: number;
  /** Links dropped because their target was not http(s)/mailto (or relative without a base). */
  linksDropped: number;
}

export interface SanitizedHtml extends SanitizeReport {
  html: string;
}

export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  const { fragment, ...report } = sanitizeArticleFragment(html, options);
  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  // The DOM step's output went through enforceSchema already; this string pass is the same rule again, for callers that keep HTML.
  return { html: schemaPass(container.innerHTML), ...report };
}

/**
 * sanitizeArticleHtml as a DOM fragment (what html-to-doc parses), saving a serialise-and-reparse
 * of long articles: the DOM step's result is held to the schema allowlist in place (enforceSchema).
 */
export function sanitizeArticleFragment(html: string, options: SanitizeOptions = {}): SanitizeReport & { fragment: DocumentFragment } {
  const report: SanitizeReport = { imagesDropped: 0, tablesFlattened: 0, linksDropped: 0 };
  const filtered = securityPass(html, options.baseUrl, report);
  const fragment = JSDOM.fragment(filtered);
  restructure(fragment, report);
  enforceSchema(fragment);
  return { fragment, ...report };
}

const SCHEMA_TAG_SET: ReadonlySet<string> = new Set(SCHEMA_TAGS);

/** Only schema elements, only a[href] (http(s)/mailto) and ol[start]: anything else is unwrapped or stripped. */
function enforceSchema(root: DocumentFragment): void {
  for (const element of reversed(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (!SCHEMA_TAG_SET.has(tag)) {
      element.replaceWith(...Array.from(element.childNodes));
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const keep = (tag === 'a' && attribute.name === 'href' && articleLinkHref(attribute.value) !== null) || (tag === 'ol' && attribute.name === 'start');
      if (!keep) element.removeAttribute(attribute.name);
    }
  }
}

function securityPass(html: string, baseUrl: string | undefined, report: SanitizeReport): string {
  const blockLike = Object.fromEntries(BLOCK_LIKE_DISALLOWED.map((tag) => [tag, 'div']));
  return sanitizeHtml(html, {
    allowedTags: [...SCHEMA_TAGS, ...STRUCTURAL_TAGS],
    allowedAttributes: { a: ['href'], ol: ['start'], img: ['alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_TEXT,
    nestingLimit: NESTING_LIMIT,
    parseStyleAttributes: false,
    transformTags: {
      ...blockLike,
      a: (tagName, attribs) => {
        if (attribs.href === undefined) return { tagName, attribs: {} };
        const href = linkTarget(attribs.href, baseUrl);
        if (!href && !attribs.href.trim().startsWith('#')) report.linksDropped += 1; // in-page links are not worth a warning
        return { tagName, attribs: href ? { href } : ({} as Record<string, string>) };
      },
      // Word processors' clipboard HTML: Google Docs wraps everything in <b style="font-weight:normal">
      // and marks bold/italic/struck text with styled <span>s (styles themselves never survive).
      b: (tagName, attribs) => ({ tagName: /font-weight\s*:\s*(normal|[1-4]00)\b/i.test(attribs.style ?? '') ? 'span' : tagName, attribs: {} }),
      span: (tagName, attribs) => ({ tagName: styledInlineTag(attribs.style ?? '') ?? tagName, attribs: {} }),
      ol: (tagName, attribs) => {
        const start = attribs.start === undefined ? NaN : Number(attribs.start.trim());
        return { tagName, attribs: Number.isInteger(start) && start >= 0 && start <= MAX_LIST_START && start !== 1 ? { start: String(start) } : ({} as Record<string, string>) };
      },
    },
  });
}

/** The mark a styled <span> stands for (bold wins over italic over strikethrough: one mark per span), or null. */
function styledInlineTag(style: string): string | null {
  if (/font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(style)) return 'strong';
  if (/font-style\s*:\s*italic\b/i.test(style)) return 'em';
  if (/text-decoration(-line)?\s*:[^;]*line-through/i.test(style)) return 's';
  return null;
}

/** The http(s)/mailto target of a link as written (relative ones resolved against `baseUrl`), or null. */
export function linkTarget(href: string, baseUrl?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const absolute = articleLinkHref(trimmed);
  if (absolute) return absolute;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || !baseUrl) return null; // another scheme, or relative without a base
  try {
    return articleLinkHref(new URL(trimmed, baseUrl).href);
  } catch {
    return null;
  }
}

function schemaPass(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...SCHEMA_TAGS],
    allowedAttributes: { a: ['href'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_TEXT,
    parseStyleAttributes: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? null : articleLinkHref(attribs.href);
        return { tagName, attribs: href ? { href } : ({} as Record<string, string>) };
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The DOM step

type ParentNode = Element | DocumentFragment;

function restructure(root: DocumentFragment, report: SanitizeReport): void {
  const doc = root.ownerDocument;
  for (const figure of reversed(root.querySelectorAll('figure'))) flattenFigure(doc, figure, report);
  for (const img of Array.from(root.querySelectorAll('img'))) {
    report.imagesDropped += 1;
    const alt = collapse(img.getAttribute('alt') ?? '');
    if (alt) img.replaceWith(altTextNode(doc, img, alt));
    else img.remove();
  }
  for (const table of reversed(root.querySelectorAll('table'))) flattenTable(doc, table, report);
  for (const pre of Array.from(root.querySelectorAll('pre'))) flattenPre(doc, pre);
  for (const a of Array.from(root.querySelectorAll('a:not([href])'))) a.replaceWith(...Array.from(a.childNodes));
  for (const container of reversed(root.querySelectorAll(CONTAINER_TAGS.join(',')))) unwrapContainer(doc, container);
  for (const item of reversed(root.querySelectorAll('li'))) fitListItem(doc, item);
  for (const p of Array.from(root.querySelectorAll('p'))) splitParagraphOnDoubleBreaks(doc, p);
  wrapInlineRuns(doc, root);
}

/** Elements whose text an image sits inside (its alt text joins that text); elsewhere it stands alone. */
const TEXT_PARENT_TAGS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'a', 'strong', 'b', 'em', 'i', 's', 'del', 'strike', 'span', 'td', 'th', 'caption', 'dt', 'dd', 'summary']);

/**
 * An image's alt text in its place: a paragraph of its own for an image between blocks, else text
 * with a space on either side where the neighbouring text has none (so "a chart" does not run into
 * the next sentence).
 */
function altTextNode(doc: Document, img: Element, alt: string): Node {
  if (!TEXT_PARENT_TAGS.has(tagOf(img.parentNode as Node))) {
    const p = doc.createElement('p');
    p.textContent = alt;
    return p;
  }
  const before = img.previousSibling?.textContent ?? '';
  const after = img.nextSibling?.textContent ?? '';
  const lead = before !== '' && !/\s$/.test(before) ? ' ' : '';
  const trail = after !== '' && !/^\s/.test(after) ? ' ' : '';
  return doc.createTextNode(`${lead}${alt}${trail}`);
}

function reversed<T extends Element>(list: NodeListOf<T>): T[] {
  return Array.from(list).reverse();
}

function tagOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
}

function isBlock(node: Node): boolean {
  return BLOCK_TAGS.has(tagOf(node));
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').trim();
}

/** A figure's images become their alt text and its caption a paragraph; anything else in it stays. */
function flattenFigure(doc: Document, figure: Element, report: SanitizeReport): void {
  const caption = figure.querySelector('figcaption');
  const captionText = caption ? collapse(caption.textContent ?? '') : '';
  for (const img of Array.from(figure.querySelectorAll('img'))) {
    report.imagesDropped += 1;
    const alt = collapse(img.getAttribute('alt') ?? '');
    if (alt && alt !== captionText) {
      const p = doc.createElement('p');
      p.textContent = alt;
      img.replaceWith(p);
    } else img.remove();
  }
  if (caption) {
    const p = doc.createElement('p');
    p.append(...Array.from(caption.childNodes));
    caption.replaceWith(p);
  }
  const div = doc.createElement('div');
  div.append(...Array.from(figure.childNodes));
  figure.replaceWith(div);
}

/** One paragraph per row, cells joined by " | "; a row of one cell (a layout table) keeps its blocks. */
function flattenTable(doc: Document, table: Element, report: SanitizeReport): void {
  const out: Node[] = [];
  let multiCell = false;
  for (const child of Array.from(table.children)) {
    if (tagOf(child) === 'caption') {
      const p = doc.createElement('p');
      p.append(...inlineContents(doc, child));
      out.push(p);
    }
  }
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  for (const row of rows) {
    const cells = Array.from(row.children).filter((cell) => ['td', 'th'].includes(tagOf(cell)) && collapse(cell.textContent ?? '') !== '');
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      const div = doc.createElement('div');
      div.append(...Array.from(cells[0]!.childNodes));
      out.push(div);
      continue;
    }
    multiCell = true;
    const p = doc.createElement('p');
    cells.forEach((cell, index) => {
      if (index > 0) p.append(doc.createTextNode(' | '));
      p.append(...inlineContents(doc, cell));
    });
    out.push(p);
  }
  if (multiCell) report.tablesFlattened += 1;
  const wrapper = doc.createElement('div');
  wrapper.append(...out);
  table.replaceWith(wrapper);
}

/** A cell's content as inline nodes: blocks inside it are unwrapped, separated by spaces. */
function inlineContents(doc: Document, parent: Element): Node[] {
  const out: Node[] = [];
  for (const child of Array.from(parent.childNodes)) {
    const tag = tagOf(child);
    if (tag === 'br' || tag === 'hr') out.push(doc.createTextNode(' '));
    else if (isBlock(child)) {
      out.push(doc.createTextNode(' '), ...inlineContents(doc, child as Element), doc.createTextNode(' '));
    } else out.push(child);
  }
  return out;
}

/** Preformatted text keeps its lines (hard breaks) and its blank-line paragraphs. */
function flattenPre(doc: Document, pre: Element): void {
  const text = (pre.textContent ?? '').replace(/\r\n?/g, '\n');
  const wrapper = doc.createElement('div');
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line, index, all) => line.trim() !== '' || (index > 0 && index < all.length - 1));
    if (lines.length === 0) continue;
    const p = doc.createElement('p');
    lines.forEach((line, index) => {
      if (index > 0) p.append(doc.createElement('br'));
      p.append(doc.createTextNode(line));
    });
    wrapper.append(p);
  }
  pre.replaceWith(wrapper);
}

/**
 * A list item holds a paragraph first, then any blocks (the article schema): a heading inside an
 * item becomes a paragraph, and a quote opening an item gives up its blocks to it — otherwise the
 * parser would move them out of the list and the list would be lost.
 */
function fitListItem(doc: Document, item: Element): void {
  for (const heading of Array.from(item.children).filter((child) => /^h[1-6]$/.test(tagOf(child)))) {
    const p = doc.createElement('p');
    p.append(...Array.from(heading.childNodes));
    heading.replaceWith(p);
  }
  const first = Array.from(item.childNodes).find((child) => !isBlankText(child));
  if (first && tagOf(first) === 'blockquote') (first as Element).replaceWith(...Array.from(first.childNodes));
}

/** Replaces a container with its children, its inline content wrapped into paragraphs. */
function unwrapContainer(doc: Document, container: Element): void {
  wrapInlineRuns(doc, container);
  container.replaceWith(...Array.from(container.childNodes));
}

/**
 * Wraps each run of inline content among `parent`'s children into a <p> (runs of whitespace only
 * are dropped); two or more line breaks in a row end a paragraph, as they do on screen. Inside a
 * list item or quote, the article schema wraps inline content itself.
 */
function wrapInlineRuns(doc: Document, parent: ParentNode): void {
  const children = Array.from(parent.childNodes);
  if (!children.some((child) => !isBlock(child))) return;
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    for (const group of splitOnDoubleBreaks(run)) {
      if (!group.some(hasText)) continue;
      const p = doc.createElement('p');
      p.append(...group);
      out.push(p);
    }
    run = [];
  };
  for (const child of children) {
    if (isBlock(child)) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  parent.replaceChildren(...out);
}

function splitParagraphOnDoubleBreaks(doc: Document, p: Element): void {
  const groups = splitOnDoubleBreaks(Array.from(p.childNodes));
  if (groups.length <= 1) return;
  const paragraphs = groups.filter((group) => group.some(hasText)).map((group) => {
    const next = doc.createElement('p');
    next.append(...group);
    return next;
  });
  p.replaceWith(...paragraphs);
}

/** Splits inline nodes at each run of two or more <br> (whitespace between them ignored); the breaks go. */
function splitOnDoubleBreaks(nodes: Node[]): Node[][] {
  const groups: Node[][] = [];
  let current: Node[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (tagOf(node) === 'br') {
      let j = i;
      let breaks = 0;
      while (j < nodes.length && (tagOf(nodes[j]!) === 'br' || isBlankText(nodes[j]!))) {
        if (tagOf(nodes[j]!) === 'br') breaks += 1;
        j += 1;
      }
      if (breaks >= 2) {
        groups.push(current);
        current = [];
        i = j;
        continue;
      }
    }
    current.push(node);
    i += 1;
  }
  groups.push(current);
  return groups;
}

function isBlankText(node: Node): boolean {
  return node.nodeType === 3 && /^[ \t\r\n\f]*$/.test(node.nodeValue ?? '');
}

function hasText(node: Node): boolean {
  return /[^ \t\r\n\f]/.test(node.textContent ?? '');
}
