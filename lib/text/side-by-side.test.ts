import { describe, expect, it } from 'vitest';
import { diffText } from './diff';
import { COLLAPSE_AFTER, MAX_EXPANDABLE_CHARS, sideBySide, type SideBySideRow, type SideParagraph } from './side-by-side';

const view = (oldText: string, newText: string) => sideBySide(oldText, newText, diffText(oldText, newText));
const text = (p: SideParagraph | null | undefined) => (p ? p.spans.map((s) => s.text).join('') : null);
const marked = (p: SideParagraph | null | undefined) => (p ? p.spans.filter((s) => s.mark).map((s) => s.text) : []);

/** Every paragraph of each side appears once, in order, in the rows (collapsed runs count theirs). */
function expectCovers(oldText: string, newText: string, rows: SideBySideRow[]) {
  const olds: string[] = [];
  const news: string[] = [];
  for (const row of rows) {
    if (row.kind === 'collapsed') {
      expect(row.paragraphs).toBeDefined();
      olds.push(...row.paragraphs!);
      news.push(...row.paragraphs!);
    }
    if (row.kind !== 'collapsed' && row.kind !== 'added' && row.old) olds.push(text(row.old)!);
    if (row.kind !== 'collapsed' && row.kind !== 'removed' && row.new) news.push(text(row.new)!);
  }
  expect(olds).toEqual(oldText.split('\n\n'));
  expect(news).toEqual(newText.split('\n\n'));
}

const paragraphs = (n: number, word = 'para') => Array.from({ length: n }, (_, i) => `${word} ${i} says something.`);

describe('sideBySide', () => {
  it('shows identical texts as unchanged (collapsed when long)', () => {
    expect(view('One.\n\nTwo.', 'One.\n\nTwo.').rows.map((r) => r.kind)).toEqual(['same', 'same']);
    const long = paragraphs(10).join('\n\n');
    const { rows, stats } = view(long, long);
    expect(rows).toEqual([{ kind: 'collapsed', count: 10, oldIndex: 0, newIndex: 0, paragraphs: paragraphs(10) }]);
    expect(stats).toMatchObject({ changed: 0, added: 0, removed: 0, oldParagraphs: 10, newParagraphs: 10 });
  });

  it('handles empty texts', () => {
    expect(view('', '').rows).toEqual([{ kind: 'same', old: { index: 0, spans: [{ text: '' }] }, new: { index: 0, spans: [{ text: '' }] } }]);
    const added = view('', 'Hello world.');
    expect(added.rows).toHaveLength(1);
    expect(added.rows[0]).toMatchObject({ kind: 'changed' });
    expect(marked((added.rows[0] as { new: SideParagraph }).new)).toEqual(['Hello world.']);
    const removed = view('Hello.\n\nWorld.', '');
    expectCovers('Hello.\n\nWorld.', '', removed.rows);
  });

  it('marks the changed words inside a changed paragraph, whole words only', () => {
    const oldText = 'The minister said inflation fell to 4.2 percent.\n\nNothing else.';
    const newText = 'The minister said inflation fell to 4.3 percent.\n\nNothing else.';
    const { rows, stats } = view(oldText, newText);
    expect(rows[0]).toMatchObject({ kind: 'changed' });
    const row = rows[0] as Extract<SideBySideRow, { kind: 'changed' }>;
    expect(marked(row.old)).toEqual(['2']);
    expect(marked(row.new)).toEqual(['3']);
    expect(text(row.old)).toBe(oldText.split('\n\n')[0]);
    expect(text(row.new)).toBe(newText.split('\n\n')[0]);
    expect(rows[1]).toMatchObject({ kind: 'same' });
    expect(stats.changed).toBe(1);
    const typo = view('the ministre said', 'the minister said');
    expect(marked((typo.rows[0] as Extract<SideBySideRow, { kind: 'changed' }>).old)).toEqual(['ministre']);
    expect(marked((typo.rows[0] as Extract<SideBySideRow, { kind: 'changed' }>).new)).toEqual(['minister']);
  });

  it('shows added and removed paragraphs on their own rows', () => {
    const oldText = 'First.\n\nSecond.\n\nThird.';
    const added = 'First.\n\nA new paragraph here.\n\nSecond.\n\nThird.';
    const a = view(oldText, added);
    expect(a.rows.map((r) => r.kind)).toEqual(['same', 'added', 'same', 'same']);
    expect(a.stats.added).toBe(1);
    expectCovers(oldText, added, a.rows);
    const removed = 'First.\n\nThird.';
    const r = view(oldText, removed);
    expect(r.rows.map((row) => row.kind)).toEqual(['same', 'removed', 'same']);
    expectCovers(oldText, removed, r.rows);
  });

  it('keeps paragraphs split or joined on both sides', () => {
    const oldText = 'Alpha beta. Gamma delta.\n\nEnd.';
    const split = 'Alpha beta.\n\nGamma delta.\n\nEnd.';
    expectCovers(oldText, split, view(oldText, split).rows);
    expectCovers(split, oldText, view(split, oldText).rows);
  });

  it('collapses long unchanged runs and keeps a paragraph of context around changes', () => {
    const base = paragraphs(20);
    const next = [...base];
    next[10] = 'para 10 says something else.';
    const { rows } = view(base.join('\n\n'), next.join('\n\n'));
    expect(rows.map((r) => r.kind)).toEqual(['collapsed', 'same', 'changed', 'same', 'collapsed']);
    expect(rows[0]).toMatchObject({ count: 9, oldIndex: 0, newIndex: 0 });
    expect(rows[4]).toMatchObject({ count: 8, oldIndex: 12, newIndex: 12 });
    expectCovers(base.join('\n\n'), next.join('\n\n'), rows);
    expect(COLLAPSE_AFTER).toBeGreaterThan(0);
  });

  it('keeps right-to-left text intact, marks Persian words', () => {
    const oldText = 'وزیر گفت که تورم به ۴٫۲ درصد رسیده است.\n\nخامنه‌ای می‌گوید آمریکا داعش را ساخت.';
    const newText = 'وزیر گفت که تورم به ۵ درصد رسیده است.\n\nخامنه‌ای می‌گوید آمریکا داعش را ساخت.';
    const { rows } = view(oldText, newText);
    const row = rows[0] as Extract<SideBySideRow, { kind: 'changed' }>;
    expect(row.kind).toBe('changed');
    expect(text(row.old)).toBe(oldText.split('\n\n')[0]);
    expect(text(row.new)).toBe(newText.split('\n\n')[0]);
    expect(marked(row.old).join('')).toContain('۴');
    expect(marked(row.new).join('')).toContain('۵');
    // ZWNJ is part of a word: a change to it marks the whole word.
    const zwnj = view('می‌گوید آمریکا', 'میگوید آمریکا');
    expect(marked((zwnj.rows[0] as Extract<SideBySideRow, { kind: 'changed' }>).old)).toEqual(['می‌گوید']);
  });

  it('is fast on a long article with a few edits, and does not send long collapsed runs', () => {
    const base = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} has twenty words of ordinary reporting about the council budget and the mayor's plans for the city.`);
    const next = [...base];
    next[100] = next[100]!.replace('council', 'county');
    next.splice(4000, 1);
    const oldText = base.join('\n\n');
    const newText = next.join('\n\n');
    const changes = diffText(oldText, newText);
    const started = performance.now();
    const { rows, stats } = sideBySide(oldText, newText, changes);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stats).toMatchObject({ changed: 1, removed: 1, added: 0 });
    expect(rows.length).toBeLessThan(12);
    const collapsed = rows.filter((r): r is Extract<SideBySideRow, { kind: 'collapsed' }> => r.kind === 'collapsed');
    expect(collapsed.some((r) => r.paragraphs === undefined)).toBe(true);
    expect(collapsed.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(4990);
    expect(MAX_EXPANDABLE_CHARS).toBeGreaterThan(0);
  });

  it('agrees with the texts on random edits', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const words = ['alpha', 'beta', 'gamma', 'delta', 'said', 'the', 'minister', '4.2', 'percent'];
    for (let round = 0; round < 60; round += 1) {
      const make = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => words[Math.floor(random() * words.length)]).join(' '));
      const a = make();
      const b = random() < 0.5 ? a.map((p) => (random() < 0.3 ? p + ' ' + words[Math.floor(random() * words.length)] : p)) : make();
      if (random() < 0.3) b.splice(Math.floor(random() * b.length), 0, 'inserted paragraph');
      const oldText = a.join('\n\n');
      const newText = b.join('\n\n');
      expectCovers(oldText, newText, view(oldText, newText).rows);
    }
  });

  it('refuses bad input', () => {
    expect(() => sideBySide(1 as unknown as string, '', [])).toThrow(TypeError);
    expect(() => sideBySide('', null as unknown as string, [])).toThrow(TypeError);
    expect(() => sideBySide('abc', 'abc', 'x' as unknown as [])).toThrow(TypeError);
    expect(() => sideBySide('abc', 'abd', [{ from: 2, to: 1, insert: 'd' }])).toThrow(TypeError);
    expect(() => sideBySide('abc', 'abd', [{ from: 2, to: 9, insert: 'd' }])).toThrow(TypeError);
    expect(() => sideBySide('abc', 'abdd', [{ from: 2, to: 3, insert: 'd' }])).toThrow(/do not turn/);
    expect(() => sideBySide('abcd', 'xbyd', [{ from: 2, to: 3, insert: 'y' }, { from: 0, to: 1, insert: 'x' }])).toThrow(TypeError);
    expect(() => sideBySide('abc', 'abd', [null as unknown as { from: number; to: number; insert: string }])).toThrow(TypeError);
  });
});

describe('sideBySide: whole paragraphs', () => {
  it('shows a paragraph removed next to an edited one as removed, not cut from the sentence before', () => {
    const oldText = 'The mayor said it costs 12 million and opens when work begins.\n\nOpponents argued the budget ignored upkeep.\n\nThe council voted.';
    const newText = 'The mayor said it costs 15 million and opens when work begins.\n\nThe council voted.';
    // The diff may take "." + separator + the paragraph without its own "."; the view slides it back.
    const changes = [
      { from: 24, to: 26, insert: '15' },
      { from: oldText.indexOf('.\n\nOpponents'), to: oldText.indexOf('.\n\nThe council'), insert: '' },
    ];
    const { rows } = sideBySide(oldText, newText, changes);
    expect(rows.map((r) => r.kind)).toEqual(['changed', 'removed', 'same']);
    const changed = rows[0] as Extract<SideBySideRow, { kind: 'changed' }>;
    expect(marked(changed.old)).toEqual(['12']);
    expect(marked(changed.new)).toEqual(['15']);
    expect(text((rows[1] as Extract<SideBySideRow, { kind: 'removed' }>).old)).toBe('Opponents argued the budget ignored upkeep.');
  });

  it('slides an inserted paragraph the same way', () => {
    const oldText = 'One ends here.\n\nThree ends here.';
    const newText = 'One ends here.\n\nTwo ends here.\n\nThree ends here.';
    const at = oldText.indexOf('.\n\nThree');
    const { rows } = sideBySide(oldText, newText, [{ from: at, to: at, insert: '.\n\nTwo ends here' }]);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'added', 'same']);
  });
});
