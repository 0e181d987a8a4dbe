import { getSchema, type AnyExtension, type JSONContent } from '@tiptap/core';
import type { NodeType, Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validations/articles';
import { normaliseText, textProblem, textProblemMessage } from '@/lib/validations/text';
import { jsonDocToText } from './doc-text';

/**
 * The article document's extensions, shared by the browser editor and the server's checks, so a
 * document the server accepts is one every reviewer's editor can show. (Claim highlights are
 * decorations and add nothing to the schema.)
 */
export function articleExtensions(): AnyExtension[] {
  return [StarterKit.configure({ link: false, underline: false, codeBlock: false, code: false })];
}

/** Deeper than any real article (quotes in lists in quotes…), shallow enough to walk without risk. */
export const MAX_DOC_DEPTH = 64;
/** Longest string attribute value (e.g. an ordered list's type); real ones are a few characters. */
const MAX_ATTR_STRING_CHARS = 100;

const NODE_KEYS: ReadonlySet<string> = new Set(['type', 'attrs', 'content', 'text', 'marks']);
const MARK_KEYS: ReadonlySet<string> = new Set(['type', 'attrs']);

/** Attribute values beyond "a JSON primitive" that the editor relies on. */
const ATTR_RULES: Record<string, (value: unknown) => boolean> = {
  'heading.level': (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6,
  'orderedList.start': (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000,
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
}

/**
 * Checks a Tiptap JSON document strictly against the article schema (known node and mark types,
 * no unknown keys or attributes anywhere, bounded depth and text length, no NUL or broken
 * characters) and returns a normalised copy with its plain text. Throws InvalidArticleDocError
 * with a reader-facing message.
 */
export function checkArticleDoc(input: unknown): CheckedArticleDoc {
  schema ??= getSchema(articleExtensions());
  const doc = readNode(schema, input, 'doc', 0);
  if (doc.type !== schema.topNodeType.name) invalid(`expected a document, got "${doc.type}"`);
  try {
    schema.nodeFromJSON(doc).check();
  } catch (error) {
    invalid(error instanceof Error ? error.message : 'unknown structure');
  }
  const text = jsonDocToText(doc);
  if (text.length > MAX_ARTICLE_CHARS) throw new InvalidArticleDocError(`The article is too long (${MAX_ARTICLE_CHARS.toLocaleString('en')} characters at most).`);
  return { doc, text };
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
    const primitive = attr === null || typeof attr === 'boolean' || (typeof attr === 'number' && Number.isFinite(attr)) || (typeof attr === 'string' && attr.length <= MAX_ATTR_STRING_CHARS);
    if (!primitive || (rule && !rule(attr))) invalid(`${path}.${key}: invalid value`);
    attrs[key] = attr;
  }
  return attrs;
}

/** checkArticleDoc for request input: an invalid document answers 422 naming the `doc` field. */
export function parseArticleDocInput(input: unknown): CheckedArticleDoc {
  try {
    return checkArticleDoc(input);
  } catch (error) {
    if (error instanceof InvalidArticleDocError) throw new AppError('unprocessable', error.message, { fields: [{ path: 'doc', message: error.message }] });
    throw error;
  }
}
