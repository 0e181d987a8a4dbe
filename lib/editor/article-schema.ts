import { getSchema, type AnyExtension, type JSONContent } from '@tiptap/core';
import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validations/articles';
import { normaliseText, textProblem, textProblemMessage } from '@/lib/validations/text';
import { jsonEqual } from './block-splice';
import { jsonDocToText } from './doc-text';
import { articleLinkHref, MAX_LINK_HREF_CHARS } from './link-href';

/** Every block decides its own direction from its first strong character (a Persian paragraph in an English story). */
const OWN_DIRECTION = { HTMLAttributes: { dir: 'auto' } };

/**
 * The article document's extensions, shared by the browser editor, the importers and the server's
 * checks, so a document the server accepts is one every reviewer's editor can show. (Claim
 * highlights are decorations and add nothing to the schema; `dir` is rendered, never stored.)
 * Links are shown, never followed by a click on the text (components/editor/article-editor.tsx),
 * and only http(s)/mailto targets exist (lib/editor/link-href.ts).
 */
export function articleExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      underline: false,
      codeBlock: false,
      code: false,
      paragraph: OWN_DIRECTION,
      heading: OWN_DIRECTION,
      blockquote: OWN_DIRECTION,
      bulletList: OWN_DIRECTION,
      orderedList: OWN_DIRECTION,
      link: {
        openOnClick: false,
        enableClickSelection: false,
        autolink: false,
        linkOnPaste: false,
        isAllowedUri: (url) => articleLinkHref(url) !== null,
      },
    }),
  ];
}

/** The ProseMirror schema of articleExtensions(), built once (importers parse HTML into it). */
export function articleSchema(): Schema {
  schema ??= getSchema(articleExtensions());
  return schema;
}

/** Deeper than any real article (quotes in lists in quotes…), shallow enough to walk without risk. */
export const MAX_DOC_DEPTH = 64;
/** Longest string attribute value (e.g. an ordered list's type); real ones are a few characters. */
const MAX_ATTR_STRING_CHARS = 100;
/** Attributes allowed longer strings than that. */
const ATTR_MAX_CHARS: Record<string, number> = { 'link.href': MAX_LINK_HREF_CHARS, 'link.title': 500, 'link.rel': 200 };

const NODE_KEYS: ReadonlySet<string> = new Set(['type', 'attrs', 'content', 'text', 'marks']);
const MARK_KEYS: ReadonlySet<string> = new Set(['type', 'attrs']);

/** Attribute values beyond "a JSON primitive" that the editor relies on. */
const ATTR_RULES: Record<string, (value: unknown) => boolean> = {
  'heading.level': (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6,
  'orderedList.start': (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000,
  // The link's target as stored must be one the editor would render (no javascript:, data:, relative…).
  'link.href': (v) => typeof v === 'string' && articleLinkHref(v) !== null,
  'link.target': (v) => v === null || v === '_blank',
};

let schema: Schema | undefined;

export class InvalidArticleDocError extends Error {
  override name = 'InvalidArticleDocError';
}

export interface CheckedArticleDoc {
  /** A fresh copy holding only what the schema knows, with every text node NFC-normalised. */
  doc: JSONContent;
  /** Its canonical plain text (lib/editor/doc-text.ts), which claims anchor into. */
  text: string;
  /** Whether `doc` equals the input as JSON (nothing was normalised or dropped). */
  sameAsInput: boolean;
}

/**
 * Checks a Tiptap JSON document strictly against the article schema (known node and mark types,
 * no unknown keys or attributes anywhere, bounded depth and text length, no NUL or broken
 * characters) and returns a normalised copy with its plain text. Throws InvalidArticleDocError
 * with a reader-facing message.
 */
export function checkArticleDoc(input: unknown, stored?: JSONContent | null): CheckedArticleDoc {
  const schema = articleSchema();
  if (stored && isPlainObject(input) && Array.isArray(input.content) && Array.isArray(stored.content)) return checkAgainstStored(schema, input as Record<string, unknown> & { content: unknown[] }, stored);
  const doc = readNode(schema, input, 'doc', 0);
  if (doc.type !== schema.topNodeType.name) invalid(`expected a document, got "${doc.type}"`);
  checkStructure(schema, doc);
  return { doc, text: checkedText(doc), sameAsInput: jsonEqual(doc, input) };
}

function checkStructure(schema: Schema, node: JSONContent): void {
  try {
    schema.nodeFromJSON(node).check();
  } catch (error) {
    invalid(error instanceof Error ? error.message : 'unknown structure');
  }
}

function checkedText(doc: JSONContent): string {
  const text = jsonDocToText(doc);
  if (text.length > MAX_ARTICLE_CHARS) throw new InvalidArticleDocError(`The article is too long (${MAX_ARTICLE_CHARS.toLocaleString('en')} characters at most).`);
  return text;
}

/**
 * checkArticleDoc for an edit of `stored`, a document this module checked before (the article's
 * current revision): the top-level blocks equal to a stored block at the same place, counted from
 * either end, are taken from `stored` (checked already, normalised already); only the blocks in
 * between, and the document around the blocks, are checked — the same checks as a whole document
 * gets. "Equal" is exact JSON equality (same keys, same strings code unit for code unit, same
 * numbers), so an unknown node, mark, field or a non-NFC text always lands in a checked block.
 */
function checkAgainstStored(schema: Schema, input: Record<string, unknown> & { content: unknown[] }, stored: JSONContent): CheckedArticleDoc {
  for (const key of Object.keys(input)) if (!NODE_KEYS.has(key)) invalid(`doc: unknown field "${key}"`);
  if (input.type !== schema.topNodeType.name) {
    if (typeof input.type !== 'string' || !Object.hasOwn(schema.nodes, input.type)) invalid(`doc: unknown node type ${JSON.stringify(input.type)}`);
    invalid(`expected a document, got "${input.type}"`);
  }
  if (input.text !== undefined) invalid('doc: only text nodes have "text"');
  if (input.marks !== undefined) invalid('doc.marks: only inline content has marks');
  const topType = schema.topNodeType;
  const doc: JSONContent = { type: topType.name };
  if (input.attrs !== undefined) doc.attrs = readAttrs(input.attrs, topType.spec.attrs, 'doc.attrs', topType.name);

  const blocks = input.content;
  const before = stored.content!;
  const shortest = Math.min(blocks.length, before.length);
  let prefix = 0;
  while (prefix < shortest && jsonEqual(blocks[prefix], before[prefix])) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && jsonEqual(blocks[blocks.length - 1 - suffix], before[before.length - 1 - suffix])) suffix += 1;

  let sameAsInput = true;
  const content: JSONContent[] = new Array<JSONContent>(blocks.length);
  for (let i = 0; i < prefix; i += 1) content[i] = before[i]!;
  for (let i = prefix; i < blocks.length - suffix; i += 1) {
    const block = readNode(schema, blocks[i], `doc.content[${i}]`, 1);
    checkStructure(schema, block);
    if (sameAsInput && !jsonEqual(block, blocks[i])) sameAsInput = false;
    content[i] = block;
  }
  for (let j = 0; j < suffix; j += 1) content[blocks.length - 1 - j] = before[before.length - 1 - j]!;
  doc.content = content;

  // The document node itself: its attributes (read above against its spec) and the sequence of its
  // blocks (their insides were checked above or, for the stored ones, when they were saved; readNode
  // refuses marks on blocks).
  let match: ContentMatch | null = topType.contentMatch;
  for (const block of content) {
    match = match.matchType(schema.nodes[block.type!]!);
    if (!match) invalid(`Invalid content for node ${topType.name}`);
  }
  if (!match.validEnd) invalid(`Invalid content for node ${topType.name}`);
  if (sameAsInput && input.attrs !== undefined && !jsonEqual(doc.attrs, input.attrs)) sameAsInput = false;
  return { doc, text: checkedText(doc), sameAsInput };
}

function invalid(detail: string): never {
  throw new InvalidArticleDocError(`The article text is not a valid document (${detail}).`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readNode(schema: Schema, value: unknown, path: string, depth: number): JSONContent {
  if (depth > MAX_DOC_DEPTH) invalid(`${path}: nested deeper than ${MAX_DOC_DEPTH} levels`);
  if (!isPlainObject(value)) invalid(`${path}: a node must be an object`);
  for (const key of Object.keys(value)) if (!NODE_KEYS.has(key)) invalid(`${path}: unknown field "${key}"`);
  const typeName = value.type;
  if (typeof typeName !== 'string' || !Object.hasOwn(schema.nodes, typeName)) invalid(`${path}: unknown node type ${JSON.stringify(typeName)}`);
  const nodeType = schema.nodes[typeName]!;
  const node: JSONContent = { type: typeName };
  if (value.attrs !== undefined) node.attrs = readAttrs(value.attrs, nodeType.spec.attrs, `${path}.attrs`, typeName);
  if (nodeType.isText) node.text = readText(value.text, path);
  else if (value.text !== undefined) invalid(`${path}: only text nodes have "text"`);
  if (value.marks !== undefined) node.marks = readMarks(schema, nodeType, value.marks, `${path}.marks`);
  if (value.content !== undefined) {
    if (nodeType.isLeaf) invalid(`${path}: a ${typeName} has no content`);
    if (!Array.isArray(value.content)) invalid(`${path}.content: must be a list`);
    node.content = value.content.map((child, index) => readNode(schema, child, `${path}.content[${index}]`, depth + 1));
  }
  return node;
}

function readText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') invalid(`${path}: a text node needs non-empty text`);
  const problem = textProblem(value);
  if (problem) throw new InvalidArticleDocError(textProblemMessage('The article text', problem));
  return normaliseText(value);
}

function readMarks(schema: Schema, nodeType: NodeType, value: unknown, path: string): NonNullable<JSONContent['marks']> {
  if (!nodeType.isInline) invalid(`${path}: only inline content has marks`);
  if (!Array.isArray(value)) invalid(`${path}: must be a list`);
  return value.map((mark, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(mark)) invalid(`${at}: a mark must be an object`);
    for (const key of Object.keys(mark)) if (!MARK_KEYS.has(key)) invalid(`${at}: unknown field "${key}"`);
    const typeName = mark.type;
    if (typeof typeName !== 'string' || !Object.hasOwn(schema.marks, typeName)) invalid(`${at}: unknown mark ${JSON.stringify(typeName)}`);
    const out: { type: string; attrs?: Record<string, unknown> } = { type: typeName };
    if (mark.attrs !== undefined) out.attrs = readAttrs(mark.attrs, schema.marks[typeName]!.spec.attrs, `${at}.attrs`, typeName);
    return out;
  });
}

function readAttrs(value: unknown, spec: Record<string, unknown> | undefined, path: string, typeName: string): Record<string, unknown> {
  if (!isPlainObject(value)) invalid(`${path}: must be an object`);
  const attrs: Record<string, unknown> = {};
  for (const [key, attr] of Object.entries(value)) {
    if (!spec || !Object.hasOwn(spec, key)) invalid(`${path}: unknown attribute "${key}"`);
    const rule = ATTR_RULES[`${typeName}.${key}`];
    const maxChars = ATTR_MAX_CHARS[`${typeName}.${key}`] ?? MAX_ATTR_STRING_CHARS;
    const primitive = attr === null || typeof attr === 'boolean' || (typeof attr === 'number' && Number.isFinite(attr)) || (typeof attr === 'string' && attr.length <= maxChars);
    if (!primitive || (rule && !rule(attr))) invalid(`${path}.${key}: invalid value`);
    attrs[key] = attr;
  }
  return attrs;
}

/** checkArticleDoc for request input: an invalid document answers 422 naming the `doc` field. */
export function parseArticleDocInput(input: unknown, stored?: JSONContent | null): CheckedArticleDoc {
  try {
    return checkArticleDoc(input, stored);
  } catch (error) {
    if (error instanceof InvalidArticleDocError) throw new AppError('unprocessable', error.message, { fields: [{ path: 'doc', message: error.message }] });
    throw error;
  }
}
