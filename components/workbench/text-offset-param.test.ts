import { describe, expect, it } from 'vitest';
import { readTextOffset } from './text-offset-param';

describe('readTextOffset', () => {
  it('reads a whole number', () => {
    expect(readTextOffset('0')).toBe(0);
    expect(readTextOffset('1234')).toBe(1234);
    expect(readTextOffset(' 42 ')).toBe(42);
    expect(readTextOffset(['7', '9'])).toBe(7);
  });

  it('is null for anything else', () => {
    for (const bad of [undefined, '', '-1', '1.5', '1e3', 'abc', '0x10', '9999999999', 'Infinity', 'NaN']) expect(readTextOffset(bad)).toBeNull();
    expect(readTextOffset([])).toBeNull();
  });
});
