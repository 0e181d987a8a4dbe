import type { JSONContent } from '@tiptap/core';
import type { DocStats } from '@/lib/domain/import-preview';

export type { DocStats };

// A word: letters or digits, held together by marks, joiners (ZWNJ in Persian), apostrophes and hyphens inside it.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c\u200d'’\-]*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n += 1;
  return n;
}

/** Counts a document's words, paragraphs, headings and links (iteratively: deep documents are fine). */
export function docStats(doc: JSONContent, text: string): DocStats {
  let paragraphs = 0;
  let headings = 0;
  let links = 0;
  const stack: JSONContent[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') paragraphs += 1;
    else if (node.type === 'heading') headings += 1;
    const children = node.content ?? [];
    // Links are counted per textblock: consecutive inline nodes with the same href are one link.
    let previousHref: string | null = null;
    for (const child of children) {
      const href = linkHref(child);
      if (href !== null && href !== previousHref) links += 1;
      previousHref = href;
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return { words: countWords(text), paragraphs, headings, links };
}

function linkHref(node: JSONContent): string | null {
  const mark = node.marks?.find((m) => m.type === 'link');
  const href = mark?.attrs?.href;
  return typeof href === 'string' ? href : null;
}
