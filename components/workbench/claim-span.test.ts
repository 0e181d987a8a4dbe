import { describe, expect, it } from 'vitest';
import { partRangesIn, spansAfter, type SpanPart } from './claim-span';

const TEXT = 'The 🍞 minister said prices fell. Critics disagreed.';

function part(exact: string, anchorState: 'anchored' | 'orphaned' = 'anchored', text = TEXT): SpanPart {
  const start16 = text.indexOf(exact);
  const cp = (offset: number) => [...text.slice(0, offset)].length;
  return { position: { start: cp(start16), end: cp(start16 + exact.length) }, quote: { exact }, anchorState };
}

describe('partRangesIn', () => {
  it('converts code points to UTF-16 and checks the words are still there', () => {
    const ranges = partRangesIn(TEXT, [part('minister said'), part('Critics', 'orphaned'), { position: { start: 0, end: 3 }, quote: { exact: 'Not' }, anchorState: 'anchored' }]);
    const at = TEXT.indexOf('minister said');
    expect(ranges).toEqual([{ start: at, end: at + 'minister said'.length }, null, null]);
    expect(partRangesIn(TEXT, [{ position: { start: 5, end: 999 }, quote: { exact: 'x' }, anchorState: 'anchored' }])).toEqual([null]);
  });
});

describe('spansAfter', () => {
  const a = { start: 0, end: 3 };
  const b = { start: 10, end: 20 };
  it('replace-all makes the selection the only part', () => {
    expect(spansAfter([a, b], { kind: 'replace-all', selection: { start: 4, end: 8 } }, 50)).toEqual({ ok: true, parts: [{ start: 4, end: 8 }] });
  });
  it('replace-part keeps the other parts as stored, the new words in the replaced part\'s place', () => {
    expect(spansAfter([a, b], { kind: 'replace-part', partIndex: 0, selection: { start: 30, end: 35 } }, 50)).toEqual({ ok: true, parts: [{ start: 30, end: 35 }, { keep: 1 }] });
    expect(spansAfter([a, b], { kind: 'replace-part', partIndex: 1, selection: { start: 30, end: 35 } }, 50)).toEqual({ ok: true, parts: [{ keep: 0 }, { start: 30, end: 35 }] });
  });
  it('re-attaching an orphaned part keeps the other orphaned parts (never drops them)', () => {
    expect(spansAfter([null, null, b], { kind: 'replace-part', partIndex: 0, selection: { start: 30, end: 35 } }, 50)).toEqual({ ok: true, parts: [{ start: 30, end: 35 }, { keep: 1 }, { keep: 2 }] });
  });
  it('add appends a part; overlapping words are refused', () => {
    expect(spansAfter([b], { kind: 'add', selection: { start: 0, end: 5 } }, 50)).toEqual({ ok: true, parts: [{ keep: 0 }, { start: 0, end: 5 }] });
    expect(spansAfter([null], { kind: 'add', selection: { start: 0, end: 5 } }, 50)).toEqual({ ok: true, parts: [{ keep: 0 }, { start: 0, end: 5 }] });
    const refused = spansAfter([a, b], { kind: 'add', selection: { start: 15, end: 25 } }, 50);
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('part 2') });
  });
  it('remove drops one part but never the last', () => {
    expect(spansAfter([a, b], { kind: 'remove', partIndex: 1 }, 50)).toEqual({ ok: true, parts: [{ keep: 0 }] });
    expect(spansAfter([a, null, b], { kind: 'remove', partIndex: 2 }, 50)).toEqual({ ok: true, parts: [{ keep: 0 }, { keep: 1 }] });
    expect(spansAfter([a], { kind: 'remove', partIndex: 0 }, 50).ok).toBe(false);
    expect(spansAfter([a, null], { kind: 'remove', partIndex: 0 }, 50).ok).toBe(false);
  });
  it('refuses bad selections and part numbers', () => {
    expect(spansAfter([a], { kind: 'add', selection: { start: 5, end: 5 } }, 50).ok).toBe(false);
    expect(spansAfter([a], { kind: 'add', selection: { start: 45, end: 60 } }, 50).ok).toBe(false);
    expect(spansAfter([a], { kind: 'add', selection: { start: 1.5, end: 6 } }, 50).ok).toBe(false);
    expect(spansAfter([a], { kind: 'replace-part', partIndex: 3, selection: { start: 5, end: 6 } }, 50).ok).toBe(false);
    expect(spansAfter([a], { kind: 'remove', partIndex: -1 }, 50).ok).toBe(false);
  });
});
