import { describe, expect, it } from 'vitest';
import { contextAround } from './view';

describe('contextAround', () => {
  const text = 'The council met on Tuesday.\n\nMarsh said taxes would not rise. Okafor disagreed strongly with her.';
  const start = text.indexOf('taxes');
  const end = start + 'taxes would not rise'.length;

  it('keeps whole short texts, flattening the paragraph break, with nothing cut', () => {
    expect(contextAround(text, start, end)).toEqual({ before: 'The council met on Tuesday. Marsh said ', after: '. Okafor disagreed strongly with her.', cutBefore: false, cutAfter: false });
  });

  it('cuts at word boundaries, never mid-word', () => {
    const around = contextAround(text, start, end, 12);
    expect(around.before).toBe('Marsh said ');
    expect(around.after).toBe('. Okafor');
    expect(around).toMatchObject({ cutBefore: true, cutAfter: true });
  });

  it('gives no context rather than half a word when one word fills the radius', () => {
    const long = `${'x'.repeat(50)} claim ${'y'.repeat(50)}`;
    const s = long.indexOf('claim');
    expect(contextAround(long, s, s + 5, 10)).toEqual({ before: '', after: '', cutBefore: true, cutAfter: true });
  });

  it('handles a claim at the very start or end of the text', () => {
    expect(contextAround('Claim here.', 0, 5)).toEqual({ before: '', after: ' here.', cutBefore: false, cutAfter: false });
    expect(contextAround('Claim here.', 6, 11)).toEqual({ before: 'Claim ', after: '', cutBefore: false, cutAfter: false });
  });

  it('rejects a range outside the text', () => {
    expect(() => contextAround('abc', 2, 9)).toThrow(RangeError);
    expect(() => contextAround('abc', -1, 1)).toThrow(/outside a text of 3 characters/);
    expect(() => contextAround('abc', 2, 1)).toThrow(RangeError);
  });
});
