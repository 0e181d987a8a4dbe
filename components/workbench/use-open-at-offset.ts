'use client';

import { useEffect, useRef } from 'react';
import { scrollToTextOffset } from './scroll-to-offset';
import { useWorkbench } from './workbench-context';

/** Opens the article where the URL says (`?at=<offset>`, e.g. a search hit in the text): once, when the editor is ready. */
export function useOpenAtOffset(at: number | null): void {
  const editor = useWorkbench((s) => s.editor);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || at === null || !editor) return;
    done.current = true;
    // After the next paint, so the text has its layout.
    requestAnimationFrame(() => scrollToTextOffset(editor, at));
  }, [editor, at]);
}
