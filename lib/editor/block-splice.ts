import type { JSONContent } from '@tiptap/core';

/**
 * A change to an article document (Tiptap JSON) as one replacement of its top-level blocks:
 * old `content[from, to)` becomes `insert`. Text saves usually touch one paragraph, so sending the
 * splice instead of the whole document (730 KB for a 100,000-word article) keeps live updates small.
 */
export interface BlockSplice {
  from: number;
  to: number;
  insert: JSONContent[];
}

/** Structural equality of JSON values (key order ignored); documents are plain JSON. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys with the value undefined do not survive JSON: skip them on both sides.
  const keysX = Object.keys(x).filter((k) => x[k] !== undefined);
  const keysY = Object.keys(y).filter((k) => y[k] !== undefined);
  if (keysX.length !== keysY.length) return false;
  for (const key of keysX) if (!Object.prototype.hasOwnProperty.call(y, key) || !jsonEqual(x[key], y[key])) return false;
  return true;
}

/** Everything of a document but its content: a change there cannot be told as a block splice. */
function sameShell(a: JSONContent, b: JSONContent): boolean {
  const { content: _a, ...shellA } = a;
  const { content: _b, ...shellB } = b;
  return jsonEqual(shellA, shellB);
}

/**
 * The smallest single splice of top-level blocks that turns `oldDoc` into `newDoc` (common prefix
 * and suffix of blocks), `[]` when they are equal, or null when the documents differ outside their
 * blocks (type or attributes of the document itself), where only the whole document will do.
 */
export function computeBlockSplice(oldDoc: JSONContent, newDoc: JSONContent): BlockSplice[] | null {
  if (!sameShell(oldDoc, newDoc)) return null;
  const before = oldDoc.content ?? [];
  const after = newDoc.content ?? [];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && jsonEqual(before[prefix], after[prefix])) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && jsonEqual(before[before.length - 1 - suffix], after[after.length - 1 - suffix])) suffix += 1;
  const from = prefix;
  const to = before.length - suffix;
  const insert = after.slice(prefix, after.length - suffix);
  if (from === to && insert.length === 0) return [];
  return [{ from, to, insert }];
}

/**
 * Applies splices (ascending, non-overlapping, in old block indices) to a document. The blocks
 * outside them are the very same objects as in `doc`, so an editor can tell what changed by
 * identity. Throws a RangeError for splices that do not fit the document.
 */
export function applyBlockSplices(doc: JSONContent, splices: readonly BlockSplice[]): JSONContent {
  const blocks = doc.content ?? [];
  const content: JSONContent[] = [];
  let at = 0;
  for (const splice of splices) {
    if (!Number.isInteger(splice.from) || !Number.isInteger(splice.to) || splice.from < at || splice.to < splice.from || splice.to > blocks.length || !Array.isArray(splice.insert)) {
      throw new RangeError(`block splice [${splice.from}, ${splice.to}) does not fit a document of ${blocks.length} blocks`);
    }
    for (let i = at; i < splice.from; i += 1) content.push(blocks[i]!);
    content.push(...splice.insert);
    at = splice.to;
  }
  for (let i = at; i < blocks.length; i += 1) content.push(blocks[i]!);
  return { ...doc, content };
}

/**
 * Which top-level blocks differ between two documents by object identity (what applyBlockSplices
 * leaves shared): `{ from, to }` in old indices and the new blocks in between. Cheap; used to
 * replace only the changed blocks of an editor instead of the whole document.
 */
export function spliceByIdentity(oldDoc: JSONContent, newDoc: JSONContent): BlockSplice | null {
  const before = oldDoc.content ?? [];
  const after = newDoc.content ?? [];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  // Nothing shared: not derived from oldDoc (a full refetch), the caller replaces everything.
  if (prefix === 0 && suffix === 0 && before.length > 0) return null;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}
