import { Extension, type AnyExtension, type Editor } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Mention from '@tiptap/extension-mention';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { SuggestionProps } from '@tiptap/suggestion';

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

export interface OpenSuggestion {
  items: Mentionable[];
  pick: (member: Mentionable) => void;
}

/** What the React host hands the editor (it changes with props; the editor is created once). */
export interface ComposerBridge {
  members: readonly Mentionable[];
  onSubmit: () => void;
  onSuggestion: (suggestion: OpenSuggestion | null) => void;
  /** A key pressed while the suggestion list is open; true when the list used it. */
  onSuggestionKey: (event: KeyboardEvent) => boolean;
}

declare module '@tiptap/core' {
  interface Storage {
    commentComposer: ComposerBridge;
  }
}

const MAX_SUGGESTIONS = 6;

export function matchingMembers(members: readonly Mentionable[], query: string): Mentionable[] {
  const q = query.toLowerCase();
  return members.filter((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().startsWith(q)).slice(0, MAX_SUGGESTIONS);
}

export function bindComposer(editor: Editor, bridge: Partial<ComposerBridge>): void {
  Object.assign(editor.storage.commentComposer, bridge);
}

const Composer = Extension.create<unknown, ComposerBridge>({
  name: 'commentComposer',
  addStorage: () => ({ members: [], onSubmit: () => undefined, onSuggestion: () => undefined, onSuggestionKey: () => false }),
  addKeyboardShortcuts() {
    return {
      'Mod-Enter': () => {
        this.storage.onSubmit();
        return true;
      },
    };
  },
});

const label = (attrs: Record<string, unknown>) => `@${typeof attrs.label === 'string' ? attrs.label : ''}`;

/** The comment composer's schema: lines of text with mention nodes (attrs `id`, `label`). */
export function commentComposerExtensions(): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    HardBreak,
    Composer,
    Mention.configure({
      HTMLAttributes: { class: 'mention-chip' },
      renderText: ({ node }) => label(node.attrs),
      renderHTML: ({ node, options }) => ['span', options.HTMLAttributes, label(node.attrs)],
      suggestion: {
        items: ({ editor, query }) => matchingMembers(editor.storage.commentComposer.members, query),
        command: ({ editor, range, props }) => {
          const member = props as unknown as Mentionable;
          editor
            .chain()
            .focus()
            .insertContentAt(range, [
              { type: 'mention', attrs: { id: member.userId, label: member.name } },
              { type: 'text', text: ' ' },
            ])
            .run();
        },
        render: () => {
          let bridge: ComposerBridge | null = null;
          const show = (props: SuggestionProps<Mentionable>) => {
            bridge = props.editor.storage.commentComposer;
            bridge.onSuggestion({ items: props.items, pick: (member) => props.command(member as never) });
          };
          return {
            onStart: show,
            onUpdate: show,
            onExit: () => bridge?.onSuggestion(null),
            onKeyDown: ({ event }) => bridge?.onSuggestionKey(event) ?? false,
          };
        },
      },
    }),
  ];
}
