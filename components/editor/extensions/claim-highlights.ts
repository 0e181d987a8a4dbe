import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One highlight to draw: document positions plus how to paint it. */
export interface ClaimHighlight {
  claimId: string;
  from: number;
  to: number;
  /** Verdict colour (#rrggbb), or a neutral grey for pending claims. */
  color: string;
  /** Translucent fill derived from the colour. */
  fill: string;
  label: string;
}

interface ClaimHighlightsState {
  highlights: ClaimHighlight[];
  activeId: string | null;
  /** When true, transactions that change the document are dropped: the reviewed text stays as it is. */
  locked: boolean;
  decorations: DecorationSet;
}

type Meta = { highlights?: ClaimHighlight[]; activeId?: string | null; locked?: boolean };

export const claimHighlightsKey = new PluginKey<ClaimHighlightsState>('claimHighlights');

/** Per-editor callbacks, set by the React host after mount (storage, so they can change without re-creating the editor). */
export interface ClaimHighlightsStorage {
  /** Called by the Mod-Shift-m shortcut. */
  onMarkClaim: () => void;
}

declare module '@tiptap/core' {
  interface Storage {
    claimHighlights: ClaimHighlightsStorage;
  }
  interface Commands<ReturnType> {
    claimHighlights: {
      /** Replace all highlights (after claims load or change). */
      setClaimHighlights: (highlights: ClaimHighlight[]) => ReturnType;
      /** Emphasise one claim's highlight (or none). */
      setActiveClaim: (claimId: string | null) => ReturnType;
      /** Lock (review mode) or unlock (edit mode) the article text. */
      setTextLocked: (locked: boolean) => ReturnType;
    };
  }
}

/**
 * Draws claims as ProseMirror decorations — never as marks, so the article document stays
 * the reviewed text. Each highlight is its own wrapping span (nodeName), so overlapping and
 * nested claims nest as elements and both stay visible and clickable.
 */
export const ClaimHighlights = Extension.create<Record<string, never>, ClaimHighlightsStorage>({
  name: 'claimHighlights',

  addStorage() {
    return { onMarkClaim: () => {} };
  },

  addCommands() {
    return {
      setClaimHighlights:
        (highlights) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsKey, { highlights } satisfies Meta);
          return true;
        },
      setActiveClaim:
        (claimId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsKey, { activeId: claimId } satisfies Meta);
          return true;
        },
      setTextLocked:
        (locked) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsKey, { locked } satisfies Meta);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-m': () => {
        this.storage.onMarkClaim();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<ClaimHighlightsState>({
        key: claimHighlightsKey,
        // Document changes only in edit mode; claim decorations and selections always pass.
        filterTransaction: (tr, state) => !(tr.docChanged && claimHighlightsKey.getState(state)?.locked),
        state: {
          init: (_config, state) => ({ highlights: [], activeId: null, locked: true, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr: Transaction, value: ClaimHighlightsState, _old: EditorState, newState: EditorState): ClaimHighlightsState {
            const meta = tr.getMeta(claimHighlightsKey) as Meta | undefined;
            if (!meta) {
              if (!tr.docChanged) return value;
              // Edit mode: keep highlights on their words while the editor types around them.
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            }
            const locked = meta.locked ?? value.locked;
            if (meta.highlights === undefined && meta.activeId === undefined) return { ...value, locked };
            const highlights = meta.highlights ?? value.highlights;
            const activeId = meta.activeId !== undefined ? meta.activeId : value.activeId;
            return { highlights, activeId, locked, decorations: buildDecorations(newState.doc, highlights, activeId) };
          },
        },
        props: {
          decorations: (state) => claimHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

/** Lets the React host replace the Mod-Shift-m handler as its state changes. */
export function setMarkClaimHandler(editor: Editor, handler: () => void): void {
  editor.storage.claimHighlights.onMarkClaim = handler;
}

function buildDecorations(doc: ProseMirrorNode, highlights: ClaimHighlight[], activeId: string | null): DecorationSet {
  const max = doc.content.size;
  // Longer spans first so that, at equal starts, the outer claim wraps the inner one.
  const sorted = [...highlights].filter((h) => h.from < h.to && h.from >= 0 && h.to <= max).sort((a, b) => a.from - b.from || b.to - a.to);
  const decorations = sorted.map((h) =>
    Decoration.inline(
      h.from,
      h.to,
      {
        nodeName: 'span',
        class: 'claim-highlight',
        style: `--claim-color:${h.color};--claim-fill:${h.fill}`,
        'data-claim-id': h.claimId,
        'data-active': String(h.claimId === activeId),
        title: h.label,
      },
      { claimId: h.claimId },
    ),
  );
  return DecorationSet.create(doc, decorations);
}
