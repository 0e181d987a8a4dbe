import { getSchema, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '@/lib/anchoring';
import { docTextOf, docToText, jsonDocToText, plainTextToDocJson } from './doc-text';

const schema = getSchema([StarterKit]);
const toDoc = (json: JSONContent): ProseMirrorNode => schema.nodeFromJSON(json);

const text = (value: string, marks?: string[]): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const hardBreak: JSONContent = { type: 'hardBreak' };

const RICH: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Khamenei 👩‍👩‍👧 says')] },
    paragraph(text('U.S. created '), text('ISIS', ['bold']), text(' and'), hardBreak, text('Iran defeated it.')),
    { type: 'blockquote', content: [paragraph(text('می‌خواهم بدانم 🇮🇷'))] },
    { type: 'horizontalRule' },
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one'))] }, { type: 'listItem', content: [paragraph(text('two'), text(' items', ['italic']))] }] },
    paragraph(),
    { type: 'codeBlock', content: [text('line 1\nline 2')] },
    paragraph(text('end')),
  ],
};
const RICH_TEXT = [
  'Khamenei 👩‍👩‍👧 says',
  'U.S. created ISIS and\nIran defeated it.',
  'می‌خواهم بدانم 🇮🇷',
  'one',
  'two items',
  '',
  'line 1\nline 2',
  'end',
].join('\n\n');

/** Text of a document range the way docToText renders it, straight from ProseMirror. */
function pmText(doc: ProseMirrorNode, from: number, to: number): string {
  return doc.textBetween(from, to, '\n\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '\uFFFC'));
}

group('docToText', () => {
  it('joins textblocks with blank lines, hard breaks as newlines', () => {
    expect(docToText(toDoc(RICH)).text).toBe(RICH_TEXT);
  });

  it('maps every character of every block to the same character in the document', () => {
    const doc = toDoc(RICH);
    const docText = docToText(doc);
    let checked = 0;
    for (let offset = 0; offset < docText.text.length; offset += 1) {
      const char = docText.text[offset];
      const from = docText.offsetToPos(offset, 'start');
      const to = docText.offsetToPos(offset + 1, 'end');
      if (to <= from) continue; // a separator character: no document content
      expect({ offset, got: pmText(doc, from, to) }).toEqual({ offset, got: char });
      expect(docText.posToOffset(from)).toBe(offset);
      expect(docText.posToOffset(to)).toBe(offset + 1);
      checked += 1;
    }
    expect(checked).toBe(RICH_TEXT.length - 7 * 2); // all but the 7 separators
  });

  it('snaps offsets between blocks by bias, and structural positions to the next block', () => {
    // <p>ab</p><blockquote><p>cd</p></blockquote>: positions 0 <p> 1 a 2 b 3 </p> 4 <bq> 5 <p> 6 c 7 d 8 </p> 9 </bq> 10
    const docText = docToText(toDoc({ type: 'doc', content: [paragraph(text('ab')), { type: 'blockquote', content: [paragraph(text('cd'))] }] }));
    expect(docText.text).toBe('ab\n\ncd');
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => docText.offsetToPos(o, 'start'))).toEqual([1, 2, 3, 6, 6, 7, 8]);
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => docText.offsetToPos(o, 'end'))).toEqual([1, 2, 3, 3, 6, 7, 8]);
    expect(docText.offsetToPos(3)).toBe(6); // default bias: start
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => docText.posToOffset(p))).toEqual([0, 0, 1, 2, 4, 4, 4, 5, 6, 6, 6]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => docText.posToOffset(p, 'end'))).toEqual([0, 0, 1, 2, 2, 2, 4, 5, 6, 6, 6]);
  });

  it('maps an empty paragraph and an empty document', () => {
    const withEmpty = docToText(toDoc({ type: 'doc', content: [paragraph(text('a')), paragraph(), paragraph(text('b'))] }));
    expect(withEmpty.text).toBe('a\n\n\n\nb');
    expect(withEmpty.offsetToPos(3)).toBe(4); // inside the empty paragraph
    expect(withEmpty.posToOffset(4)).toBe(3);
    const empty = docToText(toDoc({ type: 'doc', content: [{ type: 'horizontalRule' }] }));
    expect(empty.text).toBe('');
    expect(empty.offsetToPos(0)).toBe(0);
    expect(empty.posToOffset(1)).toBe(0);
  });

  it('counts astral characters in UTF-16 units, like ProseMirror positions', () => {
    const docText = docToText(toDoc({ type: 'doc', content: [paragraph(text('🇮🇷 x'))] }));
    expect(docText.offsetToPos(5)).toBe(6);
    expect(docText.posToOffset(6)).toBe(5);
  });

  it.each([
    ['offsetToPos', (d: ReturnType<typeof docToText>) => d.offsetToPos(7), 'doc-text: offset 7 is outside 0…6'],
    ['offsetToPos', (d: ReturnType<typeof docToText>) => d.offsetToPos(-1), 'doc-text: offset -1 is outside 0…6'],
    ['offsetToPos', (d: ReturnType<typeof docToText>) => d.offsetToPos(1.5), 'doc-text: offset 1.5 is outside 0…6'],
    ['posToOffset', (d: ReturnType<typeof docToText>) => d.posToOffset(9), 'doc-text: pos 9 is outside 0…8'],
  ])('%s rejects out-of-range input', (_name, call, message) => {
    const docText = docToText(toDoc({ type: 'doc', content: [paragraph(text('ab')), paragraph(text('cd'))] }));
    expect(() => call(docText)).toThrow(new RangeError(message));
  });

  it('turns an anchored claim into the document range of its words', () => {
    const doc = toDoc(RICH);
    const docText = docToText(doc);
    const start = docText.text.indexOf('ISIS and\nIran');
    const selectors = describe(docText.text, start, start + 13);
    // The editor inserts a paragraph at the top; the claim's words must still map to the same words.
    const edited = toDoc({ ...RICH, content: [paragraph(text('New lede.')), ...(RICH.content ?? [])] });
    const editedText = docToText(edited);
    const range = anchor(editedText.text, selectors);
    expect(range).toEqual({ start: start + 11, end: start + 24 });
    expect(pmText(edited, editedText.offsetToPos(range!.start, 'start'), editedText.offsetToPos(range!.end, 'end'))).toBe('ISIS and\nIran');
  });

  it('maps every position of a 100,000-word document (speed: bench/anchoring.bench.ts)', () => {
    const paragraphs = Array.from({ length: 5000 }, (_, i) => paragraph(text(`Paragraph ${i} `.repeat(10)), hardBreak, text('more words here')));
    const doc = toDoc({ type: 'doc', content: paragraphs });
    const docText = docToText(doc);
    let checked = 0;
    for (let offset = 0; offset < docText.text.length; offset += 97) {
      // Offsets inside a separator snap to a block edge; everywhere else the mapping round-trips.
      if (docText.text[offset] === '\n' || docText.text[offset - 1] === '\n') continue;
      expect(docText.posToOffset(docText.offsetToPos(offset))).toBe(offset);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5000);
    expect(docText.text.split(/\s+/).length).toBeGreaterThan(100_000);
  });
});

group('docTextOf', () => {
  it('is docToText, computed once per document node', () => {
    const doc = toDoc(RICH);
    const first = docTextOf(doc);
    expect(first.text).toBe(docToText(doc).text);
    expect(docTextOf(doc)).toBe(first);
    // An equal but different node (a new document after an edit) gets its own mapping.
    const edited = toDoc({ ...RICH, content: [paragraph(text('New lede.')), ...(RICH.content ?? [])] });
    const other = docTextOf(edited);
    expect(other).not.toBe(first);
    expect(other.text).toBe(docToText(edited).text);
    expect(other.offsetToPos(0)).toBe(docToText(edited).offsetToPos(0));
    expect(() => other.offsetToPos(-1)).toThrow(RangeError);
  });
});

group('jsonDocToText', () => {
  it('equals docToText for the rich document', () => {
    expect(jsonDocToText(RICH)).toBe(RICH_TEXT);
  });

  it('equals docToText(doc).text for random StarterKit documents', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const inline = (): JSONContent[] => {
      const parts: JSONContent[] = [];
      for (let n = Math.floor(random() * 4); n > 0; n -= 1) {
        parts.push(random() < 0.25 ? hardBreak : text(['word', ' ', '🇮🇷', 'می‌خواهم', 'a\u00a0b'][Math.floor(random() * 5)]!, random() < 0.3 ? ['bold'] : undefined));
      }
      return parts;
    };
    const block = (depth: number): JSONContent => {
      const kind = random();
      if (depth < 2 && kind < 0.15) return { type: 'blockquote', content: [block(depth + 1), block(depth + 1)] };
      if (depth < 2 && kind < 0.3) return { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(...inline()), ...(random() < 0.5 ? [block(depth + 1)] : [])] }] };
      if (kind < 0.4) return { type: 'heading', attrs: { level: 1 }, content: inline() };
      if (kind < 0.45) return { type: 'horizontalRule' };
      return paragraph(...inline());
    };
    for (let round = 0; round < 200; round += 1) {
      const json: JSONContent = { type: 'doc', content: Array.from({ length: 1 + Math.floor(random() * 6) }, () => block(0)) };
      // Round-trip through the schema so adjacent text nodes merge exactly as the editor stores them.
      const doc = toDoc(json);
      doc.check(); // the generator must only build schema-valid documents
      expect(jsonDocToText(json)).toBe(docToText(doc).text);
      expect(jsonDocToText(doc.toJSON() as JSONContent)).toBe(docToText(doc).text);
    }
  });

  it('reads unknown inline leaves as U+FFFC and unknown textblocks by their text', () => {
    const json: JSONContent = { type: 'doc', content: [{ type: 'callout', content: [text('a'), { type: 'mention', attrs: { id: 'x' } }, text('b')] }] };
    expect(jsonDocToText(json)).toBe('a\uFFFCb');
  });
});

group('plainTextToDocJson', () => {
  it.each([
    ['one paragraph', 'Hello world', [paragraph(text('Hello world'))], 'Hello world'],
    ['blank lines split paragraphs', 'One\n\nTwo\n  \n\n Three', [paragraph(text('One')), paragraph(text('Two')), paragraph(text(' Three'))], 'One\n\nTwo\n\n Three'],
    ['single newlines become hard breaks', 'line 1\nline 2', [paragraph(text('line 1'), hardBreak, text('line 2'))], 'line 1\nline 2'],
    ['trailing whitespace trimmed per line', 'a  \t\nb\u00a0\n\nc ', [paragraph(text('a'), hardBreak, text('b')), paragraph(text('c'))], 'a\nb\n\nc'],
    ['Windows line endings', 'a\r\nb\r\n\r\nc', [paragraph(text('a'), hardBreak, text('b')), paragraph(text('c'))], 'a\nb\n\nc'],
    ['empty paragraphs dropped', '\n\n  \nA\n\n\n\n\nB\n\n   ', [paragraph(text('A')), paragraph(text('B'))], 'A\n\nB'],
    ['empty text', '   \n ', [paragraph()], ''],
  ])('%s', (_name, input, content, normalised) => {
    const json = plainTextToDocJson(input);
    expect(json).toEqual({ type: 'doc', content });
    expect(jsonDocToText(json)).toBe(normalised);
    expect(docToText(toDoc(json)).text).toBe(normalised);
  });

  it('is stable: importing the normalised text again changes nothing', () => {
    const input = 'Title  \n\n\n می‌خواهم 👩‍👩‍👧\nsecond line \n\n\n\nlast';
    const once = jsonDocToText(plainTextToDocJson(input));
    expect(once).toBe('Title\n\n می‌خواهم 👩‍👩‍👧\nsecond line\n\nlast');
    expect(jsonDocToText(plainTextToDocJson(once))).toBe(once);
  });
});
