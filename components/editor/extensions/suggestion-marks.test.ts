import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/editor/article-schema';
import { buildSuggestionDecorations, type SuggestionMark } from './suggestion-marks';

const doc = articleSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Prices doubled in 2024. I think so.' }] } satisfies JSONContent] });
const mark = (id: string, from: number, to: number): SuggestionMark => ({ id, from, to, percent: 72 });
type Attrs = { type: { attrs?: Record<string, string>; spec?: { suggestionId?: string } } };

describe('suggestion decorations', () => {
  it('draws a dashed-underline span and a gutter tag per suggestion, the active one marked', () => {
    const set = buildSuggestionDecorations(doc, [mark('a', 1, 24), mark('b', 25, 36)], 'b');
    const found = set.find();
    const spans = found.filter((d) => (d as unknown as Attrs).type.attrs?.class === 'suggestion-mark');
    expect(spans.map((d) => doc.textBetween(d.from, d.to))).toEqual(['Prices doubled in 2024.', 'I think so.']);
    expect(spans.map((d) => (d as unknown as Attrs).type.attrs?.['data-active'])).toEqual(['false', 'true']);
    const widgets = found.filter((d) => d.from === d.to);
    expect(widgets.map((d) => [d.from, (d.spec as { suggestionId: string }).suggestionId])).toEqual([
      [1, 'a'],
      [25, 'b'],
    ]);
    // The second in the paragraph has its tag inline (its key says so), not on top of the first in the margin.
    expect(widgets.map((d) => String((d.spec as { key: string }).key).endsWith('|true'))).toEqual([false, true]);
  });

  it.each([
    ['empty', mark('x', 5, 5)],
    ['reversed', mark('x', 9, 5)],
    ['past the end', mark('x', 30, 400)],
    ['negative', mark('x', -1, 4)],
  ])('skips a suggestion whose positions do not fit the document (%s)', (_name, m) => {
    expect(buildSuggestionDecorations(doc, [m], null).find()).toEqual([]);
  });
});
