import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One check-worthiness suggestion to draw: document positions and what the gutter mark says. */
export interface SuggestionMark {
  id: string;
  from: number;
  to: number;
  /** The score as a whole percentage (0–100), shown in the gutter mark. */
  percent: number;
}

export interface SuggestionMarksState {
  marks: readonly SuggestionMark[];
  activeId: string | null;
  decorations: DecorationSet;
}

type Meta = { marks?: readonly SuggestionMark[]; activeId?: string | null };

export const suggestionMarksKey = new PluginKey<SuggestionMarksState>('suggestionMarks');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestionMarks: {
      /** Replace every drawn suggestion (a new list, a new text). */
      setSuggestionMarks: (marks: readonly SuggestionMark[]) => ReturnType;
      /** Emphasise one suggestion (keyboard focus, an open card) or none. */
      setActiveSuggestion: (id: string | null) => ReturnType;
    };
  }
}

/**
 * Check-worthiness suggestions drawn as ProseMirror decorations (never marks: the document stays
 * the reviewed text). A sentence gets a dashed underline in its own ink, no fill (claims are filled
 * with a solid underline in the verdict colour), and a gutter mark at its start — a dashed-outline
 * tag with the score — so it is told apart from claims by shape, not colour alone.
 */
export const SuggestionMarks = Extension.create({
  name: 'suggestionMarks',

  addCommands() {
    return {
      setSuggestionMarks:
        (marks) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestionMarksKey, { marks } satisfies Meta);
          return true;
        },
      setActiveSuggestion:
        (id) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestionMarksKey, { activeId: id } satisfies Meta);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<SuggestionMarksState>({
        key: suggestionMarksKey,
        state: {
          init: (_config, state) => ({ marks: [], activeId: null, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr: Transaction, value: SuggestionMarksState, _old: EditorState, newState: EditorState): SuggestionMarksState {
            const meta = tr.getMeta(suggestionMarksKey) as Meta | undefined;
            let next = value;
            if (tr.docChanged) next = { ...next, decorations: next.decorations.map(tr.mapping, tr.doc) };
            if (!meta) return next;
            const marks = meta.marks ?? next.marks;
            const activeId = meta.activeId !== undefined ? meta.activeId : next.activeId;
            if (marks === next.marks && activeId === next.activeId) return next;
            return { marks, activeId, decorations: buildSuggestionDecorations(newState.doc, marks, activeId) };
          },
        },
        props: {
          decorations: (state) => suggestionMarksKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

function fits(doc: ProseMirrorNode, m: SuggestionMark): boolean {
  return m.from < m.to && m.from >= 0 && m.to <= doc.content.size;
}

/** The decorations for a set of suggestions: an underlined span and a gutter tag per suggestion. Pure. */
export function buildSuggestionDecorations(doc: ProseMirrorNode, marks: readonly SuggestionMark[], activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  // Only the first suggestion of a paragraph gets its tag in the margin; later ones (maybe on the
  // same line) get it inline before their sentence, so two tags never sit on top of each other.
  let lastBlock = -1;
  for (const m of [...marks].sort((a, b) => a.from - b.from)) {
    if (!fits(doc, m)) continue;
    const active = m.id === activeId;
    const block = doc.resolve(m.from).start();
    const inline = block === lastBlock;
    lastBlock = block;
    decorations.push(
      Decoration.inline(m.from, m.to, { nodeName: 'span', class: 'suggestion-mark', 'data-suggestion-id': m.id, 'data-active': String(active) }, { suggestionId: m.id }),
      Decoration.widget(
        m.from,
        () => {
          const el = document.createElement('span');
          el.className = 'suggestion-gutter';
          // The card (components/suggestions) says the score and reasons in words; this is for the eye.
          el.setAttribute('aria-hidden', 'true');
          el.contentEditable = 'false';
          el.dataset.suggestionFor = m.id;
          el.dataset.percent = String(m.percent);
          el.dataset.active = String(active);
          if (inline) el.dataset.inline = 'true';
          return el;
        },
        { suggestionId: m.id, side: -1, ignoreSelection: true, key: `suggestion|${m.id}|${m.percent}|${active}|${inline}` },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** The suggestions drawn now (for tests and the React host). */
export function drawnSuggestions(state: EditorState): readonly SuggestionMark[] {
  return suggestionMarksKey.getState(state)?.marks ?? [];
}
