'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { articleExtensions } from '@/lib/editor/article-schema';
import { isLongDocument } from '@/lib/editor/long-document';
import { ClaimHighlights, setMarkClaimHandler } from './extensions/claim-highlights';

export interface ArticleEditorProps {
  doc: Record<string, unknown>;
  editing: boolean;
  language: string;
  onReady: (editor: Editor) => void;
  onMarkClaim: () => void;
  onSelectionChange: (hasSelection: boolean) => void;
  onClaimClick: (claimId: string) => void;
}

/**
 * The Tiptap host. In review mode the text is focusable and selectable with the keyboard
 * (contenteditable) but every document change is filtered out; edit mode lifts that lock.
 */
export function ArticleEditor({ doc, editing, language, onReady, onMarkClaim, onSelectionChange, onClaimClick }: ArticleEditorProps) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      ...articleExtensions(),
      ClaimHighlights,
    ],
    content: doc,
    editorProps: {
      attributes: {
        'aria-label': 'Article text',
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'article-text',
        lang: language,
        dir: 'auto',
        spellcheck: 'false',
      },
    },
  });

  // Callbacks change with the host's state; hand the latest ones to the editor without re-creating it.
  useEffect(() => {
    if (!editor) return;
    setMarkClaimHandler(editor, onMarkClaim);
    const onSelection = () => onSelectionChange(!editor.state.selection.empty);
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor, onMarkClaim, onSelectionChange]);

  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor) return;
    editor.commands.setTextLocked(!editing);
    editor.view.dom.setAttribute('aria-readonly', String(!editing));
    editor.view.dom.setAttribute('data-mode', editing ? 'edit' : 'review');
  }, [editor, editing]);

  // Long articles: blocks far from the viewport skip layout and paint (app/globals.css).
  const long = useMemo(() => isLongDocument(doc), [doc]);

  return (
    <div
      className="article-body"
      data-long={long ? 'true' : undefined}
      onClick={(event) => {
        if (editing) return;
        // A highlight (any part of a claim), or the verdict badge drawn before one.
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-claim-id], [data-badge-for]');
        const selection = window.getSelection();
        // A click that ends a text selection is a selection, not a click on the claim.
        const claimId = target?.dataset.claimId ?? target?.dataset.badgeFor;
        if (claimId && (!selection || selection.isCollapsed)) onClaimClick(claimId);
      }}
    >
      <EditorContent editor={editor} />
    </div>
  );
}
