import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { articleLinkHref } from '@/lib/editor/link-href';

/** The native tooltip of a link in the article text: where it goes, and how to go there (a click does not). */
export function linkHint(href: string): string {
  return `${href}\nCtrl+click (⌘+click) or middle-click opens it in a new tab`;
}

export const linkHintsKey = new PluginKey<DecorationSet>('linkHints');

/** One decoration per run of text linked to the same target, carrying the hint as its title. */
export function linkHintDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  let run: { from: number; to: number; href: string } | null = null;
  const flush = () => {
    if (run) decorations.push(Decoration.inline(run.from, run.to, { title: linkHint(run.href) }));
    run = null;
  };
  doc.descendants((node, pos) => {
    if (node.isTextblock) flush();
    if (!node.isInline) return true;
    const mark = node.marks.find((m) => m.type.name === 'link');
    const href = mark ? articleLinkHref(mark.attrs.href) : null;
    if (!href) {
      flush();
      return false;
    }
    if (run && run.href === href && run.to === pos) run.to = pos + node.nodeSize;
    else {
      flush();
      run = { from: pos, to: pos + node.nodeSize, href };
    }
    return false;
  });
  flush();
  return DecorationSet.create(doc, decorations);
}

/**
 * Hover hints on the article's links: a native tooltip with the target. Drawn as decorations (a
 * title on a span inside the link) rather than by touching the link element, which ProseMirror owns.
 * Recomputed only when the document changes (never in review mode).
 */
export const LinkHints = Extension.create({
  name: 'linkHints',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: linkHintsKey,
        state: {
          init: (_config, state) => linkHintDecorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? linkHintDecorations(tr.doc) : old),
        },
        props: {
          decorations: (state) => linkHintsKey.getState(state),
        },
      }),
    ];
  },
});
