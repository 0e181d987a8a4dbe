import { describe, expect, it } from 'vitest';
import { bytesPerSource, decodeVlq } from './source-map-bytes';

describe('decodeVlq', () => {
  it.each([
    ['A', [0]],
    ['C', [1]],
    ['D', [-1]],
    ['gB', [16]],
    ['AAgBC', [0, 0, 16, 1]],
    ['+/D', [2047]],
    ['//D', [-2047]],
  ])('%s → %j', (segment, values) => {
    expect(decodeVlq(segment)).toEqual(values);
  });

  it('refuses characters outside base64 and a segment cut off mid-value', () => {
    expect(() => decodeVlq('A!')).toThrow(/Not a base64 VLQ digit/);
    expect(() => decodeVlq('g')).toThrow(/Truncated/);
  });
});

describe('bytesPerSource', () => {
  it('gives each segment the text up to the next segment or the end of its line', () => {
    // "abcdef": a.js from column 0, b.js from column 3; line 2 "gh" from a.js again, "i" unmapped.
    const map = { sources: ['a.js', 'b.js'], mappings: 'AAAA,GCAA;ADAA,EAAA' };
    const totals = bytesPerSource('abcdef\nghi', map);
    expect(Object.fromEntries(totals)).toEqual({ 'a.js': 3 + 3, 'b.js': 3 });
  });

  it('does not count generated text a segment without a source covers', () => {
    expect(Object.fromEntries(bytesPerSource('abcdef', { sources: ['a.js'], mappings: 'AAAA,E' }))).toEqual({ 'a.js': 2 });
  });

  it('reads indexed maps, offsetting each section by its line and column', () => {
    const map = {
      sections: [
        { offset: { line: 0, column: 0 }, map: { sources: ['x.js'], mappings: 'AAAA' } },
        { offset: { line: 1, column: 1 }, map: { sources: ['y.js'], mappings: 'AAAA' } },
      ],
    };
    expect(Object.fromEntries(bytesPerSource('abc\ndef', map))).toEqual({ 'x.js': 3, 'y.js': 2 });
  });

  it('refuses something that is not a source map', () => {
    expect(() => bytesPerSource('abc', { version: 3 })).toThrow();
  });
});
