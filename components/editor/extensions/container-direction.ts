import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { textDirection } from '@/lib/text/direction';

const CONTAINERS: ReadonlySet<string> = new Set(['bulletList', 'orderedList', 'blockquote']);

export const containerDirectionKey = new PluginKey<DecorationSet>('containerDirection');

/** The first textblock's text inside `node` (a list or quote). */
function firstText(node: ProseMirrorNode): string {
  let text = '';
  node.descendants((child) => {
    if (text !== '' || child.isTextblock) {
      if (text === '') text = child.textContent;
      return false;
    }
    return true;
  });
  return text;
}

/**
 * A `dir` for every list and quote from its first words (lib/text/direction.ts). dir="auto" on the
 * container itself would skip its paragraphs (they carry their own dir="auto") and come out
 * left-to-right, putting a Persian list's bullets or a Hebrew quote's rule on the wrong side.
 */
export function containerDirectionDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) return false;
    if (CONTAINERS.has(node.type.name)) {
      const dir = textDirection(firstText(node));
      if (dir) decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir }));
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

export const ContainerDirection = Extension.create({
  name: 'containerDirection',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: containerDirectionKey,
        state: {
          init: (_config, state) => containerDirectionDecorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? containerDirectionDecorations(tr.doc) : old),
        },
        props: {
          decorations: (state) => containerDirectionKey.getState(state),
        },
      }),
    ];
  },
});
