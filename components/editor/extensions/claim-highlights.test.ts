import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { applyHighlightChanges, buildDecorations, diffHighlights, switchActive, type ClaimHighlight, type ClaimHighlightsState } from './claim-highlights';

const schema = getSchema([StarterKit]);
// One paragraph of 200 characters: document positions 1…201.
const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(200) }] }] });

const hl = (claimId: string, from: number, to: number, color = '#000000'): ClaimHighlight => ({ claimId, from, to, color, fill: 'rgba(0,0,0,0.2)', label: `Pending: ${claimId}` });

/** What a set draws, comparable: position, claim and emphasis, in document order. */
function drawn(set: DecorationSet) {
  return set
    .find()
    .map((d) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return `${d.from}-${d.to}:${(d.spec as { claimId: string }).claimId}:${attrs['data-active']}:${attrs.style}`;
    })
    .sort();
}

function stateOf(highlights: ClaimHighlight[], activeId: string | null): ClaimHighlightsState {
  return { highlights: new Map(highlights.map((h) => [h.claimId, h])), activeId, locked: true, decorations: buildDecorations(doc, highlights, activeId) };
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
