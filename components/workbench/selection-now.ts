import type { Editor } from '@tiptap/core';

/**
 * The selection in the text as the user sees it. The editor learns of a selection change from the
 * browser's selectionchange event, which can come after a key pressed right after Shift+arrow (Enter
 * to confirm): the DOM selection is read first, the editor's own state is the fallback.
 */
export function selectionNow(editor: Editor): { from: number; to: number; empty: boolean } {
  const dom = typeof window === 'undefined' ? null : window.getSelection();
  const root = editor.view.dom;
  if (dom && dom.rangeCount > 0 && dom.anchorNode && dom.focusNode && root.contains(dom.anchorNode) && root.contains(dom.focusNode)) {
    try {
      const anchor = editor.view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const head = editor.view.posAtDOM(dom.focusNode, dom.focusOffset);
      const size = editor.state.doc.content.size;
      if (anchor >= 0 && head >= 0 && anchor <= size && head <= size) return { from: Math.min(anchor, head), to: Math.max(anchor, head), empty: anchor === head };
    } catch {
      // A node the editor does not map (e.g. the bubble): use the editor's selection.
    }
  }
  const { from, to, empty } = editor.state.selection;
  return { from, to, empty };
}
