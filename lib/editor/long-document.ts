/**
 * From this many top-level blocks on, the workbench lets the browser skip laying out and painting
 * blocks far from the viewport (`content-visibility: auto`, app/globals.css `[data-long='true']`).
 * A newsroom-scale article (100,000 words, ~830 paragraphs) otherwise costs a full-document layout
 * of several hundred ms on load and again after its highlights are drawn; a short article keeps
 * the plain rendering (nothing to gain, and exact scroll heights).
 */
export const LONG_DOCUMENT_BLOCKS = 100;

/** Whether a Tiptap JSON document is long enough for deferred block rendering. Tolerates any input. */
export function isLongDocument(doc: unknown): boolean {
  if (!doc || typeof doc !== 'object') return false;
  const content = (doc as { content?: unknown }).content;
  return Array.isArray(content) && content.length >= LONG_DOCUMENT_BLOCKS;
}
