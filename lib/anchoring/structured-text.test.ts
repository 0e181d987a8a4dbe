import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe as group, expect, it } from 'vitest';
import { articleSchema } from '@/lib/editor/article-schema';
import { docBlocks } from '@/lib/editor/doc-blocks';
import { docToText, jsonDocToText } from '@/lib/editor/doc-text';
import { anchor, describe, reanchorAll } from './index';

/**
 * Claims on structured articles: a quote that runs from a heading into the paragraph after it, or
 * across two list items, is a stretch of the canonical text (blocks joined by "\n\n") like any
 * other, so it is described, found again and followed through edits the same way.
 */
const t = (text: string): JSONContent => ({ type: 'text', text });
const p = (text: string): JSONContent => ({ type: 'paragraph', content: [t(text)] });
const li = (text: string): JSONContent => ({ type: 'listItem', content: [p(text)] });

const JSON_DOC: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Unemployment at a record low')] },
    p('The minister said the rate fell to 4 percent last year.'),
    { type: 'bulletList', content: [li('Exports grew 7 percent'), li('Imports fell 3 percent')] },
    { type: 'blockquote', content: [p('«نرخ بیکاری به ۴ درصد رسیده است»')] },
  ],
};

function docOf(json: JSONContent): ProseMirrorNode {
  return articleSchema().nodeFromJSON(json);
}

/** The words between two strings of the document, as the editor would select them (document positions). */
function selectionBetween(doc: ProseMirrorNode, fromWords: string, toWords: string): { from: number; to: number } {
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const i = node.text!.indexOf(fromWords);
    if (i >= 0 && from < 0) from = pos + i;
    const j = node.text!.indexOf(toWords);
    if (j >= 0) to = pos + j + toWords.length;
    return false;
  });
  if (from < 0 || to < 0) throw new Error('words not found');
  return { from, to };
}

/** The claim's words as they stand in the document, blocks apart ("\n\n"), like the canonical text. */
function wordsAt(doc: ProseMirrorNode, range: { start: number; end: number }): string {
  const docText = docToText(doc);
  return doc.textBetween(docText.offsetToPos(range.start, 'start'), docText.offsetToPos(range.end, 'end'), '\n\n');
}

group('anchoring across blocks', () => {
  const doc = docOf(JSON_DOC);
  const { text } = docToText(doc);

  it('the editor, the server and the exports read the same canonical text and block offsets', () => {
    expect(text).toBe(jsonDocToText(JSON_DOC));
    const blocks = docBlocks(JSON_DOC);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'Unemployment at a record low',
      'The minister said the rate fell to 4 percent last year.',
      'Exports grew 7 percent',
      'Imports fell 3 percent',
      '«نرخ بیکاری به ۴ درصد رسیده است»',
    ]);
  });

  it.each([
    ['a heading and the paragraph after it', 'record low', 'minister said', 'record low\n\nThe minister said'],
    ['two list items', '7 percent', 'Imports fell', '7 percent\n\nImports fell'],
    ['a list item and the quote after the list', '3 percent', 'نرخ بیکاری', '3 percent\n\n«نرخ بیکاری'],
  ])('describes and finds a claim spanning %s', (_label, fromWords, toWords, exact) => {
    const { from, to } = selectionBetween(doc, fromWords, toWords);
    const docText = docToText(doc);
    const start = docText.posToOffset(from, 'start');
    const end = docText.posToOffset(to, 'end');
    const selectors = describe(text, start, end);
    expect(selectors[0].exact).toBe(exact);
    expect(anchor(text, selectors)).toEqual({ start, end });
    expect(wordsAt(doc, { start, end })).toBe(exact);
  });

  it('follows both claims through an edit: a paragraph added above, a word changed in the list, the heading reworded', () => {
    const docText = docToText(doc);
    const claims = [selectionBetween(doc, 'record low', 'minister said'), selectionBetween(doc, '7 percent', 'Imports fell')].map(({ from, to }) =>
      describe(text, docText.posToOffset(from, 'start'), docText.posToOffset(to, 'end')),
    );

    // Edit the document as the editor would.
    let state = EditorState.create({ doc });
    const schema = articleSchema();
    let tr = state.tr.insert(0, schema.nodes.paragraph!.create(null, schema.text('Updated 5 March: figures corrected.')));
    state = state.apply(tr);
    const grew = selectionBetween(state.doc, 'grew', 'grew');
    tr = state.tr.insertText('rose', grew.from, grew.to);
    state = state.apply(tr);
    const unemployment = selectionBetween(state.doc, 'Unemployment', 'Unemployment');
    tr = state.tr.insertText('Joblessness', unemployment.from, unemployment.to);
    state = state.apply(tr);

    const edited = docToText(state.doc).text;
    expect(edited).toContain('Joblessness at a record low\n\nThe minister said');
    const [first, second] = reanchorAll(text, edited, claims);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(edited.slice(first!.start, first!.end)).toBe('record low\n\nThe minister said');
    expect(edited.slice(second!.start, second!.end)).toBe('7 percent\n\nImports fell');
    // Back in the edited document, each claim still spans its two blocks.
    expect(wordsAt(state.doc, first!)).toBe('record low\n\nThe minister said');
    expect(wordsAt(state.doc, second!)).toBe('7 percent\n\nImports fell');
    // And the exports place it across the same blocks.
    const blocks = docBlocks(state.doc.toJSON());
    const across = (range: { start: number; end: number }) => blocks.filter((b) => b.start < range.end && b.end > range.start).map((b) => (b.kind === 'heading' ? 'heading' : b.containers.map((c) => c.type).join('>') || 'paragraph'));
    expect(across(first!)).toEqual(['heading', 'paragraph']);
    expect(across(second!)).toEqual(['bulletList>listItem', 'bulletList>listItem']);
  });

  it('orphans a cross-block claim whose words are gone, and does not match it across the wrong blocks', () => {
    const claim = describe(text, text.indexOf('7 percent'), text.indexOf('Imports fell') + 'Imports fell'.length);
    const rewritten = docToText(
      docOf({ ...JSON_DOC, content: [JSON_DOC.content![0]!, JSON_DOC.content![1]!, { type: 'bulletList', content: [li('Trade data was not published')] }] }),
    ).text;
    expect(reanchorAll(text, rewritten, [claim])).toEqual([null]);
  });
});
