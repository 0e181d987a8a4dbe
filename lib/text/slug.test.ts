import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it.each([
    ['Khamenei Says U.S. Created ISIS And Iran Defeated It', 'khamenei-says-u-s-created-isis-and-iran-defeated-it'],
    ['  Café déjà vu!  ', 'cafe-deja-vu'],
    ['خامنه‌ای', 'article'],
    ['', 'article'],
    ['a'.repeat(100), 'a'.repeat(60)],
  ])('%s → %s', (input, expected) => expect(slugify(input)).toBe(expected));

  it('uses the fallback only when nothing ASCII is left', () => {
    expect(slugify('خامنه‌ای', 'a1b2')).toBe('a1b2');
    expect(slugify('---', '')).toBe('');
    expect(slugify('Demo', 'a1b2')).toBe('demo');
  });
});

describe('uniqueSlug', () => {
  it('appends the first free number', () => {
    expect(uniqueSlug('demo', new Set())).toBe('demo');
    expect(uniqueSlug('demo', new Set(['demo', 'demo-2']))).toBe('demo-3');
  });
});
