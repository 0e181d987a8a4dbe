import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { applyHighlightChanges, buildDecorations, diffHighlights, highlightBatches, switchActive, type ClaimHighlight, type ClaimHighlightsState } from './claim-highlights';

const schema = getSchema([StarterKit]);
// One paragraph of 200 characters: document positions 1…201.
const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(200) }] }] });

const hl = (claimId: string, from: number, to: number, color = '#000000'): ClaimHighlight => ({
  key: claimId,
  claimId,
  from,
  to,
  color,
  fill: 'rgba(0,0,0,0.2)',
  ink: '#ffffff',
  glyph: '○',
  number: 1,
  part: 0,
  parts: 1,
  label: `Pending: ${claimId}`,
});
/** Part `part` of `parts` of a multi-part claim. */
const partHl = (claimId: string, part: number, parts: number, from: number, to: number): ClaimHighlight => ({ ...hl(claimId, from, to), key: `${claimId}#${part}`, part, parts });

/** What a set draws, comparable: position, claim, part and emphasis (spans) or badge key (badges), in document order. */
function drawn(set: DecorationSet) {
  return set
    .find()
    .map((d) => {
      const spec = d.spec as { claimId: string; hl: string; badge?: true; key?: string };
      if (spec.badge) return `${d.from}:badge:${spec.hl}:${spec.key}`;
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return `${d.from}-${d.to}:${spec.hl}:${attrs['data-claim-id']}:${attrs['data-active']}:${attrs['data-part'] ?? ''}:${attrs.style}`;
    })
    .sort();
}

function stateOf(highlights: ClaimHighlight[], activeId: string | null): ClaimHighlightsState {
  return { highlights: new Map(highlights.map((h) => [h.key, h])), activeId, locked: true, decorations: buildDecorations(doc, highlights, activeId) };
}

describe('diffHighlights', () => {
  const a = hl('a', 1, 10);
  const b = hl('b', 20, 30);
  const drawnMap = new Map([
    ['a', a],
    ['b', b],
  ]);

  it('finds nothing to do when the same highlights are wanted (equal values, new objects)', () => {
    expect(diffHighlights(drawnMap, [{ ...a }, { ...b }])).toEqual({ remove: [], upsert: [] });
  });
  it('upserts a new claim and removes one no longer wanted', () => {
    const c = hl('c', 40, 50);
    expect(diffHighlights(drawnMap, [a, c])).toEqual({ remove: ['b'], upsert: [c] });
  });
  it('upserts a claim whose place, colour or label changed', () => {
    const moved = { ...a, to: 12 };
    const recoloured = { ...b, color: '#ff0000' };
    expect(diffHighlights(drawnMap, [moved, recoloured]).upsert).toEqual([moved, recoloured]);
    expect(diffHighlights(drawnMap, [{ ...a, label: 'True: a' }, b]).upsert.map((h) => h.claimId)).toEqual(['a']);
  });
  it('upserts a claim whose badge (glyph, number, ink) changed', () => {
    expect(diffHighlights(drawnMap, [{ ...a, glyph: '✗✗' }, { ...b, number: 9 }]).upsert.map((h) => h.claimId)).toEqual(['a', 'b']);
    expect(diffHighlights(drawnMap, [{ ...a, ink: '#111111' }, b]).upsert.map((h) => h.claimId)).toEqual(['a']);
  });
  it('keys the parts of a multi-part claim apart', () => {
    const p0 = partHl('m', 0, 2, 1, 5);
    const p1 = partHl('m', 1, 2, 30, 40);
    const drawnParts = new Map([[p0.key, p0], [p1.key, p1]]);
    expect(diffHighlights(drawnParts, [p0, { ...p1, from: 31 }])).toEqual({ remove: [], upsert: [{ ...p1, from: 31 }] });
    expect(diffHighlights(drawnParts, [p0])).toEqual({ remove: ['m#1'], upsert: [] });
  });
  it('removes everything when nothing is wanted, and draws everything on an empty editor', () => {
    expect(diffHighlights(drawnMap, []).remove.sort()).toEqual(['a', 'b']);
    expect(diffHighlights(new Map(), [a, b]).upsert).toEqual([a, b]);
  });
});

describe('incremental highlight changes', () => {
  const base = [hl('a', 1, 10), hl('b', 5, 40), hl('c', 50, 60), hl('nested', 5, 20)];

  it('adding, changing and removing single highlights gives the same set as a full build', () => {
    const start = stateOf(base, 'b');
    const added = hl('d', 70, 90);
    const recoloured = hl('c', 50, 60, '#ff0000');
    const next = applyHighlightChanges(start, doc, { remove: ['a'], upsert: [added, recoloured] });
    const expected = [hl('b', 5, 40), recoloured, hl('nested', 5, 20), added];
    expect(drawn(next.decorations)).toEqual(drawn(buildDecorations(doc, expected, 'b')));
    expect([...next.highlights.keys()].sort()).toEqual(['b', 'c', 'd', 'nested']);
    // The state it came from is untouched (plugin states are values).
    expect(drawn(start.decorations)).toEqual(drawn(buildDecorations(doc, base, 'b')));
  });

  it('an upsert of the active claim keeps it emphasised', () => {
    const next = applyHighlightChanges(stateOf(base, 'c'), doc, { remove: [], upsert: [hl('c', 52, 58)] });
    expect(drawn(next.decorations)).toEqual(drawn(buildDecorations(doc, [...base.filter((h) => h.claimId !== 'c'), hl('c', 52, 58)], 'c')));
  });

  it('ignores highlights outside the document and removals of claims not drawn', () => {
    const start = stateOf(base, null);
    const next = applyHighlightChanges(start, doc, { remove: ['unknown'], upsert: [hl('out', 150, 500), hl('empty', 30, 30)] });
    expect(drawn(next.decorations)).toEqual(drawn(start.decorations));
  });

  it('switching the active claim swaps two decorations and matches a full build', () => {
    const start = stateOf(base, 'a');
    const next = switchActive(start, doc, 'c');
    expect(next.activeId).toBe('c');
    expect(drawn(next.decorations)).toEqual(drawn(buildDecorations(doc, base, 'c')));
    expect(drawn(switchActive(next, doc, null).decorations)).toEqual(drawn(buildDecorations(doc, base, null)));
    // A claim with no highlight can be active (an orphan): nothing is emphasised.
    expect(drawn(switchActive(start, doc, 'orphan').decorations)).toEqual(drawn(buildDecorations(doc, base, null)));
  });
});

describe('multi-part claims and badges', () => {
  const parts = [partHl('m', 0, 2, 1, 10), partHl('m', 1, 2, 50, 60), hl('x', 5, 55)];

  it('draws every part with the same claim id, a part label, and a badge before each', () => {
    const lines = drawn(buildDecorations(doc, parts, 'm'));
    expect(lines.filter((l) => l.includes(':m:true:1/2:') || l.includes(':m:true:2/2:'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes(':badge:'))).toEqual(['1:badge:m#0:m#0|○|1|#000000|#ffffff|true', '50:badge:m#1:m#1|○|1|#000000|#ffffff|true', '5:badge:x:x|○|1|#000000|#ffffff|false'].sort());
  });

  it('switching the active claim emphasises all its parts and their badges, as a full build', () => {
    const start = stateOf(parts, null);
    const next = switchActive(start, doc, 'm');
    expect(drawn(next.decorations)).toEqual(drawn(buildDecorations(doc, parts, 'm')));
    expect(drawn(switchActive(next, doc, 'x').decorations)).toEqual(drawn(buildDecorations(doc, parts, 'x')));
  });

  it('removing one part leaves the other and its badge', () => {
    const next = applyHighlightChanges(stateOf(parts, null), doc, { remove: ['m#1'], upsert: [] });
    expect(drawn(next.decorations)).toEqual(drawn(buildDecorations(doc, [parts[0]!, parts[2]!], null)));
    expect([...next.highlights.keys()].sort()).toEqual(['m#0', 'x']);
  });
});

describe('highlightBatches', () => {
  const many = Array.from({ length: 25 }, (_, i) => hl(`c${i}`, 1 + ((i * 7) % 25) * 8, 1 + ((i * 7) % 25) * 8 + 5 + (i % 3)));

  it('cuts the highlights into batches of at most `size`, in document order, keeping every one once', () => {
    const batches = highlightBatches(many, 10);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    const flat = batches.flat();
    expect(new Set(flat.map((h) => h.claimId))).toEqual(new Set(many.map((h) => h.claimId)));
    expect(flat.map((h) => h.from)).toEqual([...many].map((h) => h.from).sort((a, b) => a - b));
    // The same objects (the host compares by identity), and the input is left as it was.
    for (const h of flat) expect(many).toContain(h);
    expect(many[0]!.claimId).toBe('c0');
  });

  it('puts the longer highlight first at equal starts', () => {
    const [batch] = highlightBatches([hl('short', 5, 8), hl('long', 5, 20)], 10);
    expect(batch!.map((h) => h.claimId)).toEqual(['long', 'short']);
  });

  it('drawing the batches one after another gives the same set as one full build', () => {
    const [first = [], ...rest] = highlightBatches(many, 7);
    let state = stateOf(first, 'c3');
    for (const batch of rest) state = applyHighlightChanges(state, doc, { remove: [], upsert: batch });
    expect(drawn(state.decorations)).toEqual(drawn(buildDecorations(doc, many, 'c3')));
    expect([...state.highlights.keys()].sort()).toEqual(many.map((h) => h.claimId).sort());
  });

  it('handles no highlights, one batch and bad sizes', () => {
    expect(highlightBatches([], 10)).toEqual([]);
    expect(highlightBatches(many.slice(0, 3))).toHaveLength(1);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(highlightBatches(many.slice(0, 3), bad)).toHaveLength(3);
    expect(highlightBatches(many, 2.7).map((b) => b.length)).toEqual([...Array(12).fill(2), 1]);
  });
});

describe('highlightBatches with claims drawn first', () => {
  const many = Array.from({ length: 12 }, (_, i) => hl(`c${i}`, 1 + i * 10, 6 + i * 10));

  it('puts the named claims into the first batch and every other claim once, in order', () => {
    const batches = highlightBatches(many, 5, new Set(['c11', 'c7']));
    expect(batches.map((b) => b.map((h) => h.claimId))).toEqual([
      ['c0', 'c1', 'c2', 'c3', 'c4', 'c7', 'c11'],
      ['c5', 'c6', 'c8', 'c9', 'c10'],
    ]);
  });

  it('ignores ids that are not drawn, and makes a first batch for them alone when nothing else is left', () => {
    expect(highlightBatches(many, 5, new Set(['missing'])).map((b) => b.length)).toEqual([5, 5, 2]);
    expect(highlightBatches(many.slice(0, 1), 5, new Set(['c0']))).toEqual([[many[0]]]);
    expect(highlightBatches([], 5, new Set(['c0']))).toEqual([]);
  });
});
