import type { JSONContent } from '@tiptap/core';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { cleanDoc } from './html-to-doc';

/**
 * Plain text → article document, as pasting or uploading a .txt always has (lib/editor/doc-text.ts:
 * blank lines separate paragraphs, single newlines are hard breaks), then cleaned like every other
 * import (NFC, no control characters; RLM/LRM and ZWNJ kept).
 */
export function convertPlainText(text: string): JSONContent {
  return cleanDoc(plainTextToDocJson(text.replace(/^\uFEFF/, '')), { trimEdges: false });
}
