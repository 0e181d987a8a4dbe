import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { applyBlockSplices, computeBlockSplice, jsonEqual, spliceByIdentity } from './block-splice';

const p = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const doc = (...blocks: JSONContent[]): JSONContent => ({ type: 'doc', content: blocks });

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 2 }, false],
    [[1, 2], [1, 2, 3], false],
    [{ a: [1] }, { a: { 0: 1 } }, false],
    [null, {}, false],
    ['x', 'x', true],
  ])('%j vs %j → %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});

describe('computeBlockSplice', () => {
  const a = p('One.');
  const b = p('Two.');
  const c = p('Three.');

  it('is empty for equal documents', () => {
    expect(computeBlockSplice(doc(a, b, c), doc(p('One.'), p('Two.'), p('Three.')))).toEqual([]);
  });

  it('replaces only the edited block', () => {
    expect(computeBlockSplice(doc(a, b, c), doc(a, p('Two!'), c))).toEqual([{ from: 1, to: 2, insert: [p('Two!')] }]);
  });

  it('inserts and deletes blocks at the start, middle and end', () => {
    expect(computeBlockSplice(doc(a, b, c), doc(p('Zero.'), a, b, c))).toEqual([{ from: 0, to: 0, insert: [p('Zero.')] }]);
    expect(computeBlockSplice(doc(a, b, c), doc(a, c))).toEqual([{ from: 1, to: 2, insert: [] }]);
    expect(computeBlockSplice(doc(a, b, c), doc(a, b, c, p('Four.')))).toEqual([{ from: 3, to: 3, insert: [p('Four.')] }]);
  });

  it('sees mark and attribute changes that leave the text alone', () => {
    expect(computeBlockSplice(doc(a, b), doc(a, p('Two.', [{ type: 'bold' }])))).toEqual([{ from: 1, to: 2, insert: [p('Two.', [{ type: 'bold' }])] }]);
  });

  it('does not let a repeated block hide the change (prefix and suffix never overlap)', () => {
    expect(computeBlockSplice(doc(a, a), doc(a, a, a))).toEqual([{ from: 2, to: 2, insert: [a] }]);
    expect(applyBlockSplices(doc(a, a), computeBlockSplice(doc(a, a), doc(a, a, a))!)).toEqual(doc(a, a, a));
  });

  it('gives up (null) when the document itself changed outside its blocks', () => {
    expect(computeBlockSplice(doc(a), { type: 'doc', attrs: { lang: 'fa' }, content: [a] })).toBeNull();
  });

  it('round-trips through applyBlockSplices for random edits', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round += 1) {
      const before = doc(...Array.from({ length: rand(6) }, () => p(`w${rand(4)}`)));
      const blocks = [...(before.content ?? [])];
      const at = rand(blocks.length + 1);
      blocks.splice(at, rand(3), ...Array.from({ length: rand(3) }, () => p(`n${rand(4)}`)));
      const after = doc(...blocks);
      const splices = computeBlockSplice(before, after)!;
      expect(applyBlockSplices(before, splices)).toEqual(after);
    }
  });
});

describe('applyBlockSplices', () => {
  it('keeps the untouched blocks as the same objects', () => {
    const a = p('One.');
    const c = p('Three.');
    const next = applyBlockSplices(doc(a, p('Two.'), c), [{ from: 1, to: 2, insert: [p('Deux.')] }]);
    expect(next.content?.[0]).toBe(a);
    expect(next.content?.[2]).toBe(c);
  });

  it.each([
    [{ from: 2, to: 1, insert: [] }],
    [{ from: 0, to: 9, insert: [] }],
    [{ from: -1, to: 0, insert: [] }],
    [{ from: 0.5, to: 1, insert: [] }],
    [{ from: 0, to: 1, insert: 'x' as unknown as JSONContent[] }],
  ])('refuses a splice that does not fit: %j', (splice) => {
    expect(() => applyBlockSplices(doc(p('a'), p('b')), [splice])).toThrow(RangeError);
  });

  it('refuses splices out of order', () => {
    expect(() => applyBlockSplices(doc(p('a'), p('b')), [{ from: 1, to: 2, insert: [] }, { from: 0, to: 1, insert: [] }])).toThrow(RangeError);
  });
});

describe('spliceByIdentity', () => {
  it('finds the replaced blocks by identity', () => {
    const a = p('One.');
    const c = p('Three.');
    const before = doc(a, p('Two.'), c);
    const after = applyBlockSplices(before, [{ from: 1, to: 2, insert: [p('Deux.'), p('Zwei.')] }]);
    expect(spliceByIdentity(before, after)).toEqual({ from: 1, to: 2, insert: [p('Deux.'), p('Zwei.')] });
  });

  it('is null for a document not derived from the old one', () => {
    expect(spliceByIdentity(doc(p('a')), doc(p('a')))).toBeNull();
  });
});
