import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { anchor, describe as describeRange } from '@/lib/anchoring';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validations/articles';
import { checkArticleDoc, InvalidArticleDocError, MAX_DOC_DEPTH, parseArticleDocInput } from './article-schema';
import { plainTextToDocJson } from './doc-text';

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, extra: Record<string, unknown> = {}): JSONContent => ({ type: 'text', text: value, ...extra });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('checkArticleDoc', () => {
  it('accepts an imported article and returns its text', () => {
    expect(checkArticleDoc(plainTextToDocJson('First paragraph.\n\nSecond, with a\nline break.')).text).toBe('First paragraph.\n\nSecond, with a\nline break.');
  });

  it('accepts what the editor produces: headings, lists, quotes, marks, rules', () => {
    const rich = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [paragraph(text('one', { marks: [{ type: 'bold' }, { type: 'italic' }] }))] }] },
      { type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('quoted'), { type: 'hardBreak' }, text('more', { marks: [{ type: 'strike' }] }))] }] }] },
      { type: 'horizontalRule' },
      { type: 'paragraph' },
    );
    const checked = checkArticleDoc(rich);
    expect(checked.doc).toEqual(rich);
    expect(checked.text).toBe('Title\n\none\n\nquoted\nmore\n\n');
  });

  it.each([
    ['an unknown node', doc({ type: 'iframe', attrs: { src: 'https://evil.example' } })],
    ['an unknown mark', doc(paragraph(text('x', { marks: [{ type: 'script' }] })))],
    ['text directly in the doc', doc(text('loose'))],
    ['not a doc', { type: 'paragraph' }],
    ['an unknown key on the doc', { ...doc(paragraph(text('x'))), padding: 'x'.repeat(1000) }],
    ['an unknown key deep inside', doc(paragraph(text('x', { junk: 1 })))],
    ['an unknown key on a mark', doc(paragraph(text('x', { marks: [{ type: 'bold', junk: true }] })))],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { style: 'color:red' }, content: [text('x')] })],
    ['an attribute on a mark that has none', doc(paragraph(text('x', { marks: [{ type: 'bold', attrs: { href: 'javascript:1' } }] })))],
    ['an object as an attribute value', doc({ type: 'heading', attrs: { level: { toString: 1 } }, content: [text('x')] })],
    ['a heading level outside 1–6', doc({ type: 'heading', attrs: { level: 9 }, content: [text('x')] })],
    ['a prototype key', JSON.parse('{"type":"doc","content":[],"__proto__":{"polluted":true}}') as unknown],
    ['text on a paragraph', doc({ type: 'paragraph', text: 'hidden' })],
    ['content in a leaf', doc(paragraph({ type: 'hardBreak', content: [text('x')] }))],
    ['an empty text node', doc(paragraph(text('')))],
    ['a node that is not an object', doc('paragraph' as unknown as JSONContent)],
    ['a non-list content', { type: 'doc', content: { 0: paragraph() } }],
  ])('refuses %s with a clear message', (_name, input) => {
    expect(() => checkArticleDoc(input)).toThrow(InvalidArticleDocError);
    expect(() => checkArticleDoc(input)).toThrow(/not a valid document \(.+\)/);
    // The same when checked as an edit of a stored document (only changed blocks are read).
    const stored = checkArticleDoc(doc(paragraph(text('x')), paragraph(text('y')))).doc;
    expect(() => checkArticleDoc(input, stored)).toThrow(/not a valid document \(.+\)/);
  });

  it('names where the problem is', () => {
    expect(() => checkArticleDoc(doc(paragraph(text('a'), text('b', { extra: 'x'.repeat(50) }))))).toThrow('doc.content[0].content[1]: unknown field "extra"');
  });

  it(`refuses nesting deeper than ${MAX_DOC_DEPTH} levels without overflowing the stack`, () => {
    let node: JSONContent = paragraph(text('deep'));
    for (let i = 0; i < 100_000; i += 1) node = { type: 'blockquote', content: [node] };
    expect(() => checkArticleDoc(doc(node))).toThrow(/nested deeper than 64 levels/);
  });

  it('refuses an article over the size limit', () => {
    const huge = plainTextToDocJson('x'.repeat(MAX_ARTICLE_CHARS + 1));
    expect(() => checkArticleDoc(huge)).toThrow(/too long/);
  });

  it.each([
    ['a NUL character', 'before\u0000after', /NUL character/],
    ['a lone high surrogate', 'half \uD83D emoji', /unpaired UTF-16 surrogate/],
    ['a lone low surrogate', '\uDE00 tail', /unpaired UTF-16 surrogate/],
  ])('refuses text with %s', (_name, value, message) => {
    expect(() => checkArticleDoc(doc(paragraph(text(value))))).toThrow(message);
  });

  it('NFC-normalises every text node', () => {
    const checked = checkArticleDoc(doc(paragraph(text('Cafe\u0301 '), text('cre\u0300me', { marks: [{ type: 'bold' }] }))));
    expect(checked.text).toBe('Café crème');
    expect(checked.doc.content?.[0]?.content?.map((n) => n.text)).toEqual(['Café ', 'crème']);
  });

  it('keeps claims anchored when the same words come back decomposed (é as e + U+0301) next to an emoji', () => {
    const stored = checkArticleDoc(plainTextToDocJson('Le café 😀 était fermé.\n\nSecond paragraph.')).text;
    const start = stored.indexOf('café');
    const end = stored.indexOf(' était');
    const selectors = describeRange(stored, start, end);
    // A browser pasting decomposed text sends the same words in another Unicode form.
    const saved = checkArticleDoc(plainTextToDocJson('Le cafe\u0301 😀 e\u0301tait ferme\u0301.\n\nSecond paragraph.')).text;
    expect(saved).toBe(stored);
    const found = anchor(saved, selectors);
    expect(found).toEqual({ start, end });
    expect(saved.slice(found!.start, found!.end)).toBe('café 😀');
  });
});

describe('parseArticleDocInput', () => {
  it('turns an invalid document into a 422 naming the doc field', () => {
    try {
      parseArticleDocInput(doc(paragraph(text('x', { junk: 1 }))));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).details).toEqual({ fields: [{ path: 'doc', message: expect.stringMatching(/unknown field "junk"/) as unknown }] });
    }
  });
});

describe('checkArticleDoc against the stored document', () => {
  const rich = () =>
    doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
      paragraph(text('First '), text('bold', { marks: [{ type: 'bold' }] })),
      { type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('quoted'), { type: 'hardBreak' }, text('more'))] }] }] },
      { type: 'horizontalRule' },
      paragraph(text('Last paragraph.')),
    );
  const storedDoc = () => checkArticleDoc(rich()).doc;

  it('gives the same result as checking the whole document', () => {
    const stored = storedDoc();
    const edits: JSONContent[] = [
      rich(),
      { ...rich(), content: [paragraph(text('New top.')), ...rich().content!] },
      { ...rich(), content: rich().content!.map((block, i) => (i === 2 ? paragraph(text('Cafe\u0301 changed')) : block)) },
      { ...rich(), content: rich().content!.slice(1, 4) },
      { ...rich(), content: [...rich().content!, ...rich().content!] },
    ];
    for (const edit of edits) {
      const partial = checkArticleDoc(JSON.parse(JSON.stringify(edit)), stored);
      const full = checkArticleDoc(JSON.parse(JSON.stringify(edit)));
      expect(partial.doc).toEqual(full.doc);
      expect(partial.text).toBe(full.text);
      expect(partial.sameAsInput).toBe(full.sameAsInput);
    }
  });

  it('takes unchanged blocks from the stored document without reading them again', () => {
    // A stored document is one that was checked when saved; this one was not, to show the skip.
    const stored = doc(paragraph(text('kept', { junk: 1 })), paragraph(text('old')));
    const checked = checkArticleDoc(doc(paragraph(text('kept', { junk: 1 })), paragraph(text('new'))), stored);
    expect(checked.doc.content![0]).toBe(stored.content![0]);
    expect(checked.doc.content![1]).toEqual(paragraph(text('new')));
    expect(checked.text).toBe('kept\n\nnew');
    expect(checked.sameAsInput).toBe(true);
  });

  it.each([
    ['an unknown node in a changed block', (blocks: JSONContent[]) => [blocks[0]!, { type: 'iframe', attrs: { src: 'https://evil.example' } }, ...blocks.slice(2)]],
    ['an unknown mark in a changed block', (blocks: JSONContent[]) => [blocks[0]!, paragraph(text('x', { marks: [{ type: 'script' }] })), ...blocks.slice(2)]],
    ['an extra field on a block that otherwise equals a stored one', (blocks: JSONContent[]) => [{ ...blocks[0]!, onclick: 'x' }, ...blocks.slice(1)]],
    ['an extra field deep inside a block that otherwise equals a stored one', (blocks: JSONContent[]) => [blocks[0]!, paragraph(text('First ', { junk: 1 }), text('bold', { marks: [{ type: 'bold' }] })), ...blocks.slice(2)]],
    ['an extra mark field in the last block', (blocks: JSONContent[]) => [...blocks.slice(0, -1), paragraph(text('Last paragraph.', { marks: [{ type: 'bold', evil: true }] }))]],
    ['text directly in the doc between unchanged blocks', (blocks: JSONContent[]) => [blocks[0]!, text('loose'), ...blocks.slice(1)]],
    ['no blocks at all', () => []],
    ['a changed block nested too deep', (blocks: JSONContent[]) => {
      let node: JSONContent = paragraph(text('deep'));
      for (let i = 0; i < 200; i += 1) node = { type: 'blockquote', content: [node] };
      return [blocks[0]!, node, ...blocks.slice(1)];
    }],
  ])('refuses %s', (_name, edit) => {
    const stored = storedDoc();
    const input = JSON.parse(JSON.stringify({ type: 'doc', content: edit(rich().content!) })) as unknown;
    expect(() => checkArticleDoc(input, stored)).toThrow(InvalidArticleDocError);
    expect(() => checkArticleDoc(input)).toThrow(InvalidArticleDocError);
  });

  it('refuses unknown fields and attributes on the document itself', () => {
    const stored = storedDoc();
    expect(() => checkArticleDoc({ ...rich(), padding: 'x' }, stored)).toThrow(/doc: unknown field "padding"/);
    expect(() => checkArticleDoc({ ...rich(), attrs: { style: 'x' } }, stored)).toThrow(/unknown attribute "style"/);
    expect(() => checkArticleDoc(JSON.parse(`{"type":"doc","content":${JSON.stringify(rich().content)},"__proto__":{"polluted":true}}`), stored)).toThrow(/unknown field "__proto__"/);
    expect(() => checkArticleDoc({ ...rich(), type: 'paragraph' }, stored)).toThrow(/expected a document/);
    expect(() => checkArticleDoc({ ...rich(), marks: [{ type: 'bold' }] }, stored)).toThrow(InvalidArticleDocError);
  });

  it('normalises a block that differs from the stored one only by its Unicode form', () => {
    const stored = checkArticleDoc(doc(paragraph(text('Café')), paragraph(text('two')))).doc;
    const checked = checkArticleDoc(doc(paragraph(text('Cafe\u0301')), paragraph(text('two'))), stored);
    expect(checked.doc.content![0]!.content![0]!.text).toBe('Café');
    expect(checked.text).toBe('Café\n\ntwo');
    expect(checked.sameAsInput).toBe(false);
    expect(checked.doc.content![1]).toBe(stored.content![1]);
  });

  it('refuses bad text in a changed block and an article over the size limit', () => {
    const stored = checkArticleDoc(doc(paragraph(text('one')), paragraph(text('two')))).doc;
    expect(() => checkArticleDoc(doc(paragraph(text('one')), paragraph(text('half \uD83D'))), stored)).toThrow(/unpaired UTF-16 surrogate/);
    expect(() => checkArticleDoc(doc(paragraph(text('one')), paragraph(text('x'.repeat(MAX_ARTICLE_CHARS + 1)))), stored)).toThrow(/too long/);
  });

  it('answers 422 through parseArticleDocInput', () => {
    const stored = storedDoc();
    try {
      parseArticleDocInput({ type: 'doc', content: [rich().content![0]!, { type: 'iframe' }] }, stored);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
    }
  });
});
