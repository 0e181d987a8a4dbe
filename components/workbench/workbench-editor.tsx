'use client';

import { ArticleEditor } from '@/components/editor/article-editor';
import { useMarkClaim, useTextEditing } from './use-text-editing';
import { useWorkbench } from './workbench-context';

/** The article text, wired to the workbench: selection, claim clicks, Ctrl/⌘+S while editing. */
export function WorkbenchEditor({ initialDoc, language }: { initialDoc: Record<string, unknown>; language: string }) {
  const editing = useWorkbench((s) => s.editing);
  const setEditor = useWorkbench((s) => s.setEditor);
  const setHasSelection = useWorkbench((s) => s.setHasSelection);
  const openClaim = useWorkbench((s) => s.openClaim);
  const markClaim = useMarkClaim();
  const { saveText } = useTextEditing();
  return (
    <div
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
        onClaimClick={openClaim}
      />
    </div>
  );
}
