import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('picks the noun by the count and groups digits', () => {
    expect(plural(1, 'heading')).toBe('1 heading');
    expect(plural(0, 'heading')).toBe('0 headings');
    expect(plural(2000, 'footnote or endnote', 'footnotes or endnotes')).toBe('2,000 footnotes or endnotes');
  });
});
