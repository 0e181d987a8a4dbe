'use client';

import { ArticleEditor } from '@/components/editor/article-editor';
import { SelectionBubble } from './selection-bubble';
import { useClaimSpan } from './use-claim-span';
import { useMarkClaim, useTextEditing } from './use-text-editing';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

/**
 * The article text, wired to the workbench: selection (and the bubble next to it), claim clicks,
 * Ctrl/⌘+S while editing; while choosing new words for a claim, Enter confirms and Esc cancels.
 */
export function WorkbenchEditor({ initialDoc, language }: { initialDoc: Record<string, unknown>; language: string }) {
  const editor = useWorkbench((s) => s.editor);
  const editing = useWorkbench((s) => s.editing);
  const choosing = useWorkbench((s) => s.spanMode !== null);
  const setEditor = useWorkbench((s) => s.setEditor);
  const setHasSelection = useWorkbench((s) => s.setHasSelection);
  const openClaim = useWorkbench((s) => s.openClaim);
  const store = useWorkbenchStore();
  const markClaim = useMarkClaim();
  const { confirmChoosing, cancelChoosing } = useClaimSpan();
  const { saveText } = useTextEditing();
  return (
    <div
      onKeyDownCapture={(event) => {
        // Before the editor's own keys: Enter would otherwise try to split the (locked) paragraph.
        if (!choosing || editing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        if (!(event.target as HTMLElement).closest('[data-testid="article-text"]')) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          event.stopPropagation();
          void confirmChoosing();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          cancelChoosing();
        }
      }}
      onKeyDown={(event) => {
        if (editing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void saveText();
        }
      }}
    >
      <ArticleEditor
        doc={initialDoc}
        editing={editing}
        language={language}
        onReady={setEditor}
        onMarkClaim={() => void markClaim()}
        onSelectionChange={setHasSelection}
        // While choosing new words, a click in the text places the caret; it does not open another claim.
        onClaimClick={(claimId) => {
          if (!store.getState().spanMode) openClaim(claimId);
        }}
      />
      {editor && !editing && <SelectionBubble editor={editor} />}
    </div>
  );
}
