import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One highlight to draw (one part of a claim): document positions plus how to paint it. */
export interface ClaimHighlight {
  /** Unique per drawn highlight: the claim id, or `${claimId}#${i}` for part i of a multi-part claim (partKey). */
  key: string;
  claimId: string;
  from: number;
  to: number;
  /** Verdict colour (#rrggbb), or a neutral grey for pending claims. */
  color: string;
  /** Translucent fill derived from the colour. */
  fill: string;
  /** Text colour readable on `color` (the badge). */
  ink: string;
  /** The verdict's non-colour cue (lib/verdicts/cues.ts), shown with the claim number in a badge at the start. */
  glyph: string;
  number: number;
  /** This part's index and the claim's part count (1 for a single-span claim). */
  part: number;
  parts: number;
  label: string;
}

export interface ClaimHighlightsState {
  /** What is drawn, by highlight key (positions as last set; the decorations themselves follow edits). */
  highlights: ReadonlyMap<string, ClaimHighlight>;
  activeId: string | null;
  /** When true, transactions that change the document are dropped: the reviewed text stays as it is. */
  locked: boolean;
  decorations: DecorationSet;
}

/** Highlights to take away (by key) and to draw or redraw: one claim's change touches only its parts. */
export interface HighlightChanges {
  /** Highlight keys. */
  remove: string[];
  upsert: ClaimHighlight[];
}

type Meta = { highlights?: ClaimHighlight[]; changes?: HighlightChanges; activeId?: string | null; locked?: boolean };

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
      /** Replace all highlights (after claims load, or on a new text). */
      setClaimHighlights: (highlights: ClaimHighlight[]) => ReturnType;
      /** Remove, add or redraw single highlights (a claim marked, changed or deleted). */
      updateClaimHighlights: (changes: HighlightChanges) => ReturnType;
      /** Emphasise one claim's highlight (or none). */
      setActiveClaim: (claimId: string | null) => ReturnType;
      /** Lock (review mode) or unlock (edit mode) the article text. */
      setTextLocked: (locked: boolean) => ReturnType;
    };
  }
}

/**
 * Draws claims as ProseMirror decorations — never as marks, so the article document stays
 * the reviewed text. Each highlight (each part of a claim) is its own wrapping span (nodeName),
 * so overlapping and nested claims nest as elements and both stay visible and clickable; the CSS
 * (app/globals.css) shows the nesting depth by the underline's offset. A widget before each part
 * draws a badge with the verdict glyph and claim number (not colour alone).
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
      updateClaimHighlights:
        (changes) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsKey, { changes } satisfies Meta);
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
          init: (_config, state) => ({ highlights: new Map(), activeId: null, locked: true, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr: Transaction, value: ClaimHighlightsState, _old: EditorState, newState: EditorState): ClaimHighlightsState {
            const meta = tr.getMeta(claimHighlightsKey) as Meta | undefined;
            let next = value;
            if (tr.docChanged) {
              // Edit mode: keep highlights on their words while the editor types around them.
              next = { ...next, decorations: next.decorations.map(tr.mapping, tr.doc) };
            }
            if (!meta) return next;
            if (meta.locked !== undefined) next = { ...next, locked: meta.locked };
            if (meta.highlights !== undefined) {
              // A whole new set (first load, a new text): the one full build.
              const highlights = new Map(meta.highlights.map((h) => [h.key, h]));
              next = { ...next, highlights, decorations: buildDecorations(newState.doc, [...highlights.values()], next.activeId) };
            }
            if (meta.changes) next = applyHighlightChanges(next, newState.doc, meta.changes);
            if (meta.activeId !== undefined && meta.activeId !== next.activeId) next = switchActive(next, newState.doc, meta.activeId);
            return next;
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

function fits(doc: ProseMirrorNode, h: ClaimHighlight): boolean {
  return h.from < h.to && h.from >= 0 && h.to <= doc.content.size;
}

type Spec = { hl: string; claimId: string; badge?: true };

function decorationOf(h: ClaimHighlight, active: boolean): Decoration {
  return Decoration.inline(
    h.from,
    h.to,
    {
      nodeName: 'span',
      class: 'claim-highlight',
      style: `--claim-color:${h.color};--claim-fill:${h.fill}`,
      'data-claim-id': h.claimId,
      'data-active': String(active),
      ...(h.parts >= 2 ? { 'data-part': `${h.part + 1}/${h.parts}` } : {}),
      title: h.parts >= 2 ? `${h.label} (part ${h.part + 1} of ${h.parts})` : h.label,
    },
    { hl: h.key, claimId: h.claimId } satisfies Spec,
  );
}

/**
 * The badge before a highlight: verdict glyph and claim number (CSS draws them from data
 * attributes, so the text content, selections and offsets are untouched). Not a claim element
 * itself (no data-claim-id): a click on it opens its claim through data-badge-for.
 */
function badgeOf(h: ClaimHighlight, active: boolean): Decoration {
  const toDOM = () => {
    const el = document.createElement('span');
    el.className = 'claim-badge';
    el.setAttribute('aria-hidden', 'true');
    el.contentEditable = 'false';
    el.dataset.badgeFor = h.claimId;
    el.dataset.glyph = h.glyph;
    el.dataset.number = String(h.number);
    el.dataset.active = String(active);
    el.style.setProperty('--claim-color', h.color);
    el.style.setProperty('--claim-ink', h.ink);
    return el;
  };
  return Decoration.widget(h.from, toDOM, {
    hl: h.key,
    claimId: h.claimId,
    badge: true,
    side: -1,
    ignoreSelection: true,
    // Same key, same DOM: redrawn only when what it shows changes.
    key: `${h.key}|${h.glyph}|${h.number}|${h.color}|${h.ink}|${active}`,
  });
}

function decorationsOf(h: ClaimHighlight, active: boolean): Decoration[] {
  return [decorationOf(h, active), badgeOf(h, active)];
}

export function buildDecorations(doc: ProseMirrorNode, highlights: ClaimHighlight[], activeId: string | null): DecorationSet {
  // Longer spans first so that, at equal starts, the outer claim wraps the inner one.
  const sorted = highlights.filter((h) => fits(doc, h)).sort((a, b) => a.from - b.from || b.to - a.to);
  return DecorationSet.create(
    doc,
    sorted.flatMap((h) => decorationsOf(h, h.claimId === activeId)),
  );
}

/** The decorations (spans and badges) drawn for these highlight keys, or for every part of these claims (one pass, no rebuild). */
function findDecorations(set: DecorationSet, ids: ReadonlySet<string>, by: 'hl' | 'claimId' = 'hl'): Decoration[] {
  if (ids.size === 0) return [];
  return set.find(undefined, undefined, (spec: Partial<Spec>) => spec[by] !== undefined && ids.has(spec[by]));
}

/** Removes and (re)draws single highlights in the existing set. */
export function applyHighlightChanges(state: ClaimHighlightsState, doc: ProseMirrorNode, changes: HighlightChanges): ClaimHighlightsState {
  const touched = new Set([...changes.remove, ...changes.upsert.map((h) => h.key)]);
  if (touched.size === 0) return state;
  const highlights = new Map(state.highlights);
  for (const key of changes.remove) highlights.delete(key);
  for (const h of changes.upsert) highlights.set(h.key, h);
  const added = changes.upsert.filter((h) => fits(doc, h)).flatMap((h) => decorationsOf(h, h.claimId === state.activeId));
  const decorations = state.decorations.remove(findDecorations(state.decorations, touched)).add(doc, added);
  return { ...state, highlights, decorations };
}

/** Moves the emphasis from one claim to another: their parts' decorations swapped, the rest of the set kept. */
export function switchActive(state: ClaimHighlightsState, doc: ProseMirrorNode, activeId: string | null): ClaimHighlightsState {
  const ids = new Set([state.activeId, activeId].filter((id): id is string => id !== null));
  const old = findDecorations(state.decorations, ids, 'claimId');
  const redrawn = old.flatMap((d) => {
    const spec = d.spec as Spec;
    const h = state.highlights.get(spec.hl);
    if (!h) return [];
    // Positions from the decoration itself: in edit mode it has followed the typing.
    const active = spec.claimId === activeId;
    return [spec.badge ? badgeOf({ ...h, from: d.from }, active) : decorationOf({ ...h, from: d.from, to: d.to }, active)];
  });
  return { ...state, activeId, decorations: state.decorations.remove(old).add(doc, redrawn) };
}

/**
 * What changes between the highlights drawn (`drawn`, by key) and those wanted now (`wanted`):
 * highlights no longer wanted are removed, new or changed ones (position, colour, label, badge)
 * upserted. Pure.
 */
export function diffHighlights(drawn: ReadonlyMap<string, ClaimHighlight>, wanted: readonly ClaimHighlight[]): HighlightChanges {
  const wantedIds = new Set<string>();
  const upsert: ClaimHighlight[] = [];
  for (const h of wanted) {
    wantedIds.add(h.key);
    const old = drawn.get(h.key);
    if (!old || !sameHighlight(old, h)) upsert.push(h);
  }
  const remove = [...drawn.keys()].filter((id) => !wantedIds.has(id));
  return { remove, upsert };
}

function sameHighlight(a: ClaimHighlight, b: ClaimHighlight): boolean {
  return (
    a.claimId === b.claimId &&
    a.from === b.from &&
    a.to === b.to &&
    a.color === b.color &&
    a.fill === b.fill &&
    a.ink === b.ink &&
    a.glyph === b.glyph &&
    a.number === b.number &&
    a.part === b.part &&
    a.parts === b.parts &&
    a.label === b.label
  );
}

/** The highlights drawn in the editor now, by key (for tests and the React host). */
export function drawnHighlights(state: EditorState): ReadonlyMap<string, ClaimHighlight> {
  return claimHighlightsKey.getState(state)?.highlights ?? new Map();
}

/**
 * Highlights drawn in one step when a whole set is drawn (first load, a new text). A long
 * article's 2,000 highlights in one transaction make ProseMirror redraw every paragraph in one
 * main-thread task; in steps of this many, in document order, each step redraws one stretch of
 * the text and the page stays responsive between them.
 */
export const HIGHLIGHT_BATCH = 400;

/**
 * `highlights` in document order (by start, longer first at equal starts), cut into batches of
 * at most `size` (at least 1). The claims in `firstIds` (the open claim, one the URL asks to
 * scroll to; every part of each) are drawn in the first batch wherever they are, on top of its `size`. Pure; the
 * input is not changed. No highlights → no batches.
 */
export function highlightBatches(highlights: readonly ClaimHighlight[], size: number = HIGHLIGHT_BATCH, firstIds: ReadonlySet<string> = new Set()): ClaimHighlight[][] {
  const step = Number.isFinite(size) && size >= 1 ? Math.floor(size) : 1;
  const sorted = [...highlights].sort((a, b) => a.from - b.from || b.to - a.to);
  const early = firstIds.size > 0 ? sorted.filter((h) => firstIds.has(h.claimId)) : [];
  const rest = early.length > 0 ? sorted.filter((h) => !firstIds.has(h.claimId)) : sorted;
  const batches: ClaimHighlight[][] = [];
  for (let i = 0; i < rest.length; i += step) batches.push(rest.slice(i, i + step));
  if (early.length > 0) batches[0] = [...(batches[0] ?? []), ...early];
  return batches;
}
