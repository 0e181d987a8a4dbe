import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from './article-schema';
import { docBlocks, docBlocksMatchText, type DocBlock } from './doc-blocks';
import { jsonDocToText } from './doc-text';

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const h = (level: number, ...content: JSONContent[]): JSONContent => ({ type: 'heading', attrs: { level }, content });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const ul = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });
const ol = (start: number, ...items: JSONContent[]): JSONContent => ({ type: 'orderedList', attrs: { start, type: null }, content: items });
const quote = (...content: JSONContent[]): JSONContent => ({ type: 'blockquote', content });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const RICH = doc(
  h(1, t('Election results')),
  p(t('The minister said '), t('turnout', [{ type: 'bold' }]), t(' was '), t('record', [{ type: 'bold' }, { type: 'italic' }]), t(' high.')),
  ul(li(p(t('First point'))), li(p(t('Second, with a '), t('link', [link('https://example.org/a')]), t('.')), ul(li(p(t('Nested')))))),
  ol(3, li(p(t('Three'))), li(p(t('Four')), p(t('Four, more')))),
  quote(p(t('«خبر» گفت'), { type: 'hardBreak' }, t('second line')), p(t('Quoted again'))),
  { type: 'horizontalRule' },
  p(t('The '), t('end', [{ type: 'strike' }]), t('.')),
);

/** Every block's text, cut out of the canonical text by its offsets. */
function texts(text: string, blocks: DocBlock[]): string[] {
  return blocks.map((b) => text.slice(b.start, b.end));
}

describe('docBlocks', () => {
  it('lists every textblock with offsets that cut exactly its text out of the canonical text', () => {
    const text = jsonDocToText(RICH);
    const blocks = docBlocks(RICH);
    expect(texts(text, blocks)).toEqual([
      'Election results',
      'The minister said turnout was record high.',
      'First point',
      'Second, with a link.',
      'Nested',
      'Three',
      'Four',
      'Four, more',
      '«خبر» گفت\nsecond line',
      'Quoted again',
      'The end.',
    ]);
    expect(texts(text, blocks).join('\n\n')).toBe(text);
    expect(docBlocksMatchText(blocks, text)).toBe(true);
  });

  it('gives the kind, level and container chain of each block', () => {
    const blocks = docBlocks(RICH);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, containers: [] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', containers: [] });
    expect(blocks[1]!.level).toBeUndefined();
    const [list, firstItem] = blocks[2]!.containers;
    expect(list).toMatchObject({ type: 'bulletList' });
    expect(firstItem).toMatchObject({ type: 'listItem', index: 0 });
    // The second item is another item of the same list.
    expect(blocks[3]!.containers[0]!.id).toBe(list!.id);
    expect(blocks[3]!.containers[1]).toMatchObject({ type: 'listItem', index: 1 });
    expect(blocks[3]!.containers[1]!.id).not.toBe(firstItem!.id);
    // A nested list inside the second item.
    expect(blocks[4]!.containers.map((c) => c.type)).toEqual(['bulletList', 'listItem', 'bulletList', 'listItem']);
    expect(blocks[4]!.containers.slice(0, 2)).toEqual(blocks[3]!.containers);
    // The ordered list keeps its start; two paragraphs in one item share the item.
    expect(blocks[5]!.containers[0]).toMatchObject({ type: 'orderedList', start: 3 });
    expect(blocks[6]!.containers).toEqual(blocks[7]!.containers);
    expect(blocks[6]!.containers[1]).toMatchObject({ index: 1 });
    // Two paragraphs of one quote.
    expect(blocks[8]!.containers).toEqual([expect.objectContaining({ type: 'blockquote' })]);
    expect(blocks[9]!.containers).toEqual(blocks[8]!.containers);
    expect(blocks[10]!.containers).toEqual([]);
  });

  it('tells apart two lists that follow each other', () => {
    const blocks = docBlocks(doc(ul(li(p(t('a')))), ul(li(p(t('b'))))));
    expect(blocks[0]!.containers[0]!.id).not.toBe(blocks[1]!.containers[0]!.id);
  });

  it('gives mark runs in canonical offsets, merged across text nodes', () => {
    const text = jsonDocToText(RICH);
    const blocks = docBlocks(RICH);
    const cut = (run: { start: number; end: number }) => text.slice(run.start, run.end);
    const second = blocks[1]!;
    expect(second.marks.map((m) => [m.type, cut(m)])).toEqual([
      ['bold', 'turnout'],
      ['bold', 'record'],
      ['italic', 'record'],
    ]);
    expect(blocks[3]!.marks).toEqual([{ type: 'link', start: expect.any(Number), end: expect.any(Number), href: 'https://example.org/a' }]);
    expect(cut(blocks[3]!.marks[0]!)).toBe('link');
    expect(blocks[10]!.marks.map((m) => [m.type, cut(m)])).toEqual([['strike', 'end']]);
    const merged = docBlocks(doc(p(t('bo', [{ type: 'bold' }]), t('ld', [{ type: 'bold' }, { type: 'italic' }]))));
    expect(merged[0]!.marks).toEqual([
      { type: 'bold', start: 0, end: 4 },
      { type: 'italic', start: 2, end: 4 },
    ]);
  });

  it('drops links to targets an article may not carry, and unknown marks', () => {
    const blocks = docBlocks(doc(p(t('x', [link('javascript:alert(1)')]), t('y', [link('data:text/html,hi')]), t('z', [{ type: 'highlight' }, { type: 'code' }]))));
    expect(blocks[0]!.marks).toEqual([]);
  });

  it('keeps two adjacent links to different targets apart', () => {
    const blocks = docBlocks(doc(p(t('one', [link('https://a.example/')]), t('two', [link('https://b.example/')]))));
    expect(blocks[0]!.marks).toEqual([
      { type: 'link', start: 0, end: 3, href: 'https://a.example/' },
      { type: 'link', start: 3, end: 6, href: 'https://b.example/' },
    ]);
  });

  it('matches jsonDocToText on documents the schema accepts, empty blocks and inline leaves included', () => {
    const docs = [
      RICH,
      doc(p()),
      doc(p(), p(t('after an empty one')), h(2)),
      doc(p(t('a'), { type: 'hardBreak' }, { type: 'hardBreak' }, t('b'))),
      doc(quote(quote(ul(li(p(t('deep'))))))),
    ];
    for (const input of docs) {
      const { doc: checked, text } = checkArticleDoc(input);
      const blocks = docBlocks(checked);
      expect(texts(text, blocks).join('\n\n')).toBe(text);
      expect(docBlocksMatchText(blocks, text)).toBe(true);
    }
    // Not in the schema, but jsonDocToText reads it: an inline node without children is one U+FFFC.
    const odd = doc(p(t('a'), { type: 'image' }, t('b')));
    expect(texts(jsonDocToText(odd), docBlocks(odd))).toEqual(['a\uFFFCb']);
  });

  it('tolerates bad input', () => {
    for (const bad of [null, undefined, 42, 'doc', [], { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 3, 'p'] }]) {
      expect(docBlocks(bad)).toEqual([]);
    }
    expect(docBlocks({ type: 'doc', content: [{ type: 'heading', attrs: { level: 99 }, content: [t('x')] }] })[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(docBlocks(doc(ol(-4, li(p(t('x')))))).at(0)!.containers[0]).toMatchObject({ start: 1 });
  });
});

describe('docBlocksMatchText', () => {
  const text = 'One\n\nTwo';
  const good: DocBlock[] = [
    { start: 0, end: 3, kind: 'paragraph', containers: [], marks: [] },
    { start: 5, end: 8, kind: 'paragraph', containers: [], marks: [{ type: 'bold', start: 5, end: 8 }] },
  ];
  it('accepts blocks that cover the text', () => {
    expect(docBlocksMatchText(good, text)).toBe(true);
    expect(docBlocksMatchText([], '')).toBe(true);
  });
  it.each([
    ['a gap', [good[0], { ...good[1], start: 6 }]],
    ['a short end', [good[0], { ...good[1], end: 7 }]],
    ['a wrong separator', [{ ...good[0], end: 2 }, { ...good[1], start: 4 }]],
    ['a mark outside its block', [good[0], { ...good[1], marks: [{ type: 'bold', start: 1, end: 8 }] }]],
    ['an empty mark', [good[0], { ...good[1], marks: [{ type: 'bold', start: 6, end: 6 }] }]],
    ['an unknown kind', [good[0], { ...good[1], kind: 'table' }]],
    ['no containers', [good[0], { ...good[1], containers: undefined }]],
    ['a string offset', [{ ...good[0], start: '0' }, good[1]]],
    ['too few blocks', [good[0]]],
    ['a non-list', 'blocks'],
    ['null blocks', [null]],
  ])('refuses %s', (_label, blocks) => {
    expect(docBlocksMatchText(blocks, text)).toBe(false);
  });
  it('refuses blocks for an empty text that has none', () => {
    expect(docBlocksMatchText([], 'x')).toBe(false);
  });
});
