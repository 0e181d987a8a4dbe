import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_LEVELS } from './default-scale';
import { PENDING_GLYPH, verdictGlyph, verdictGlyphs, type CueLevel } from './cues';

const lvl = (key: string, value: number | null, label = key): CueLevel => ({ key, label, value });

describe('verdictGlyphs', () => {
  it('gives each level of the default scale its own glyph', () => {
    const glyphs = verdictGlyphs(DEFAULT_RATING_LEVELS.map((l) => ({ key: l.key, label: l.label, value: l.value })));
    expect(glyphs).toEqual(['✓✓', '✓', '~', '!', '✗', '✗✗', '?', '–']);
    expect(new Set(glyphs).size).toBe(glyphs.length);
  });

  it('places custom levels by value between the scale worst and best', () => {
    expect(verdictGlyphs([lvl('correct', 10), lvl('wrong', -10)])).toEqual(['✓', '✗']);
    expect(verdictGlyphs([lvl('a', 3), lvl('b', 2), lvl('c', 1.5), lvl('d', 1), lvl('e', 0)])).toEqual(['✓✓', '✓', '~', '✗', '✗✗']);
    // Order of the levels does not matter, only their values.
    expect(verdictGlyphs([lvl('e', 0), lvl('a', 3), lvl('b', 2)])).toEqual(['✗', '✓✓', '✓']);
  });

  it('reads well-known words before the value', () => {
    expect(verdictGlyphs([lvl('out-of-context', 2, 'Out of context'), lvl('mixture', 1), lvl('satire', null, 'Satire'), lvl('pending-research', null, 'Research in progress'), lvl('a', 3), lvl('b', 0)])).toEqual([
      '!',
      '~',
      '–',
      '?',
      '✓',
      '✗',
    ]);
  });

  it('copes with degenerate scales', () => {
    expect(verdictGlyphs([])).toEqual([]);
    expect(verdictGlyphs([lvl('only', 1), lvl('same', 1)])).toEqual(['~', '~']);
    expect(verdictGlyphs([lvl('x', null), lvl('y', Number.NaN)])).toEqual(['?', '?']);
  });
});

describe('verdictGlyph', () => {
  const levels = DEFAULT_RATING_LEVELS.map((l) => ({ key: l.key, label: l.label, value: l.value }));
  it('looks a level up within its scale, and marks no verdict as pending', () => {
    expect(verdictGlyph(levels[5], levels)).toBe('✗✗');
    expect(verdictGlyph(levels[5], levels)).toBe('✗✗'); // cached
    expect(verdictGlyph(null, levels)).toBe(PENDING_GLYPH);
    expect(verdictGlyph(undefined, levels)).toBe(PENDING_GLYPH);
  });
  it('places a level missing from the scale on its own', () => {
    expect(verdictGlyph(lvl('retired', null, 'Retired'), levels)).toBe('?');
    expect(verdictGlyph(lvl('misleading-old', 2, 'Misleading (old)'), levels)).toBe('!');
  });
});
