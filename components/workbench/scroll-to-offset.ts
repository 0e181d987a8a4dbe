import type { Editor } from '@tiptap/react';
import { docTextOf } from '@/lib/editor/doc-text';

/** How long the opened block stays highlighted. */
const FLASH_MS = 2400;

/**
 * The textblock element that holds a plain-text offset of the shown text (the offsets the search
 * index stores for article text), or null when the editor has no such block.
 */
export function blockElementAtOffset(editor: Editor, offset: number): HTMLElement | null {
  const { text, offsetToPos } = docTextOf(editor.state.doc);
  if (!Number.isFinite(offset) || text.length === 0) return null;
  const pos = offsetToPos(Math.min(Math.max(0, Math.floor(offset)), text.length), 'start');
  const $pos = editor.state.doc.resolve(pos);
  let depth = $pos.depth;
  while (depth > 0 && !$pos.node(depth).isTextblock) depth -= 1;
  if (depth === 0) return null;
  const dom = editor.view.nodeDOM($pos.before(depth));
  return dom instanceof HTMLElement ? dom : null;
}

/**
 * Scrolls the article to the block holding `offset` and briefly highlights it. The highlight is
 * an overlay above the text, never a change to the editor's DOM (ProseMirror owns that).
 */
export function scrollToTextOffset(editor: Editor, offset: number): boolean {
  const block = blockElementAtOffset(editor, offset);
  if (!block) return false;
  block.scrollIntoView({ block: 'center', behavior: 'auto' });
  const rect = block.getBoundingClientRect();
  const flash = document.createElement('div');
  flash.setAttribute('aria-hidden', 'true');
  flash.dataset.testid = 'text-target';
  flash.className = 'text-target-flash';
  Object.assign(flash.style, {
    position: 'absolute',
    top: `${rect.top + window.scrollY - 4}px`,
    left: `${rect.left + window.scrollX - 8}px`,
    width: `${rect.width + 16}px`,
    height: `${rect.height + 8}px`,
  });
  document.body.appendChild(flash);
  window.setTimeout(() => flash.remove(), FLASH_MS);
  return true;
}
