'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, type MouseEvent } from 'react';
import { articleExtensions } from '@/lib/editor/article-schema';
import { articleLinkHref } from '@/lib/editor/link-href';
import { isLongDocument } from '@/lib/editor/long-document';
import { ClaimHighlights, setMarkClaimHandler } from './extensions/claim-highlights';
import { ContainerDirection } from './extensions/container-direction';
import { LinkHints } from './extensions/link-hints';
import { SuggestionMarks } from './extensions/suggestion-marks';

export interface ArticleEditorProps {
  doc: Record<string, unknown>;
  editing: boolean;
  language: string;
  onReady: (editor: Editor) => void;
  onMarkClaim: () => void;
  onSelectionChange: (hasSelection: boolean) => void;
  onClaimClick: (claimId: string) => void;
}

/** The article link an event happened on (inside the text), with its target if it is one an article may carry. */
function linkOfEvent(event: MouseEvent<HTMLElement>): { href: string | null } | null {
  const anchor = (event.target as Element).closest?.('a[href]');
  if (!anchor || !event.currentTarget.contains(anchor)) return null;
  return { href: articleLinkHref(anchor.getAttribute('href')) };
}

/** Opens an article link in a new tab that cannot reach back into the workbench. */
function openInNewTab(href: string | null): void {
  if (href) window.open(href, '_blank', 'noopener,noreferrer');
}

/**
 * The Tiptap host. In review mode the text is focusable and selectable with the keyboard
 * (contenteditable) but every document change is filtered out; edit mode lifts that lock.
 * Links are shown, never followed by a click (a reviewer selects and marks text there): in both
 * modes a click stays in the text, Ctrl/⌘+click or a middle click opens the link in a new tab
 * (noopener), and hovering shows the target (extensions/link-hints.ts).
 */
export function ArticleEditor({ doc, editing, language, onReady, onMarkClaim, onSelectionChange, onClaimClick }: ArticleEditorProps) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      ...articleExtensions(),
      ClaimHighlights,
      SuggestionMarks,
      LinkHints,
      ContainerDirection,
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
      onClickCapture={(event) => {
        const link = linkOfEvent(event);
        if (!link) return;
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
          event.stopPropagation(); // opening the link is all this click does (it opens no claim)
          openInNewTab(link.href);
        }
      }}
      onMouseDown={(event) => {
        // A middle press on a link: no autoscroll (and no paste of the primary selection on Linux).
        if (event.button === 1 && linkOfEvent(event)) event.preventDefault();
      }}
      onAuxClick={(event) => {
        if (event.button !== 1) return;
        const link = linkOfEvent(event);
        if (!link) return;
        event.preventDefault();
        openInNewTab(link.href);
      }}
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
