'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { bodyToCommentDoc, commentDocToBody } from '@/lib/review/comment-doc';
import { bindComposer, commentComposerExtensions, type Mentionable, type OpenSuggestion } from './comment-composer-extensions';
import { MentionSuggestions } from './mention-suggestions';

export type { Mentionable } from './comment-composer-extensions';

export interface MentionInputProps {
  /** The comment body: text with `@[Name](user id)` mention tokens (lib/review/mention-tokens.ts). */
  value: string;
  onChange: (value: string) => void;
  members: Mentionable[];
  label: string;
  placeholder?: string;
  onSubmitShortcut?: () => void;
  autoFocus?: boolean;
}

/**
 * The comment composer: a small Tiptap editor where "@" suggests workspace members (Tiptap's
 * Mention + Suggestion; arrows move, Enter or Tab picks, Esc dismisses). A picked member becomes a
 * mention node, sent to the server as a token carrying the user's id. Ctrl/⌘+Enter submits.
 */
export function MentionInput({ value, onChange, members, label, placeholder, onSubmitShortcut, autoFocus }: MentionInputProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [suggestion, setSuggestion] = useState<OpenSuggestion | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  // The body this editor last reported, to tell the parent's own changes (a reset after posting) from echoes.
  const emitted = useRef(value);

  const editor = useEditor({
    immediatelyRender: false,
    autofocus: autoFocus ? 'end' : false,
    content: bodyToCommentDoc(value),
    extensions: commentComposerExtensions(),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-autocomplete': 'list',
        ...(placeholder ? { 'aria-placeholder': placeholder } : {}),
        dir: 'auto',
        class: 'min-h-[4.5rem] w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm whitespace-pre-wrap',
      },
    },
  });

  const open = suggestion !== null && suggestion.items.length > 0;
  const active = open ? Math.min(highlighted, suggestion.items.length - 1) : 0;

  // Props and state change; the editor is created once: hand it the latest of each.
  useEffect(() => {
    if (!editor) return;
    bindComposer(editor, {
      members,
      onSubmit: () => onSubmitShortcut?.(),
      onSuggestion: (next) => {
        setSuggestion(next);
        setHighlighted(0);
      },
      onSuggestionKey: (event) => {
        if (event.key === 'Escape') {
          // The plugin closes the list; the key must not also close the panel around the composer.
          event.stopPropagation();
          return true;
        }
        if (!open) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const count = suggestion.items.length;
          setHighlighted((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          suggestion.pick(suggestion.items[active]!);
          return true;
        }
        return false;
      },
    });
  }, [editor, members, onSubmitShortcut, open, suggestion, active]);

  useEffect(() => {
    if (!editor) return;
    const onUpdate = () => {
      const body = commentDocToBody(editor.getJSON());
      emitted.current = body;
      onChange(body);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor, onChange]);

  // A value set from outside (cleared after posting, another comment to edit) replaces the content.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(bodyToCommentDoc(value), { emitUpdate: false });
  }, [editor, value]);

  // Combobox wiring on the editable element, which ProseMirror owns.
  const activeOption = open ? `${id}-opt-${active}` : null;
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (open) dom.setAttribute('aria-controls', listId);
    else dom.removeAttribute('aria-controls');
    if (activeOption) dom.setAttribute('aria-activedescendant', activeOption);
    else dom.removeAttribute('aria-activedescendant');
  }, [editor, open, activeOption, listId]);

  return (
    <div className="relative">
      <EditorContent editor={editor} />
      {value === '' && placeholder && (
        <span aria-hidden className="pointer-events-none absolute top-2 left-3 text-sm text-gray-500">
          {placeholder}
        </span>
      )}
      <MentionSuggestions id={id} listId={listId} open={open} items={open ? suggestion.items : []} highlighted={active} onPick={(m) => suggestion?.pick(m)} />
    </div>
  );
}
