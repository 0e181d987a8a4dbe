import { describe, expect, it } from 'vitest';
import { MAX_EXCERPT_CONTEXT_CHARS, setClaimPartsSchema, sourceFieldsSchema, updateSourceSchema } from './claims';

const source = { url: 'https://e.org/report', excerpt: 'taxes' };

describe('sourceFieldsSchema: the excerpt context', () => {
  it('keeps the prefix and suffix as given, with the spaces that separate them from the excerpt', () => {
    const parsed = sourceFieldsSchema.parse({ ...source, excerptPrefix: 'the minister said ', excerptSuffix: ' would rise' });
    expect(parsed).toMatchObject({ excerpt: 'taxes', excerptPrefix: 'the minister said ', excerptSuffix: ' would rise' });
    expect(`${parsed.excerptPrefix}${parsed.excerpt}${parsed.excerptSuffix}`).toBe('the minister said taxes would rise');
    expect(updateSourceSchema.parse({ ...source, version: 1, excerptPrefix: 'said ' }).excerptPrefix).toBe('said ');
  });

  it('refuses a NUL character, a broken character and an over-long context', () => {
    expect(sourceFieldsSchema.safeParse({ ...source, excerptPrefix: 'a\u0000b' }).error?.issues[0]?.message).toMatch(/NUL character/);
    expect(sourceFieldsSchema.safeParse({ ...source, excerptSuffix: 'a\ud800' }).error?.issues[0]?.message).toMatch(/broken character/);
    expect(sourceFieldsSchema.safeParse({ ...source, excerptSuffix: 'x'.repeat(MAX_EXCERPT_CONTEXT_CHARS + 1) }).error?.issues[0]?.message).toMatch(/at most 200 characters/);
    expect(sourceFieldsSchema.safeParse({ ...source, excerptSuffix: 'x'.repeat(MAX_EXCERPT_CONTEXT_CHARS) }).success).toBe(true);
  });
});

describe('setClaimPartsSchema', () => {
  it('takes new words { start, end } and kept parts { keep }', () => {
    const body = { version: 2, revision: 3, parts: [{ keep: 0 }, { start: 4, end: 9 }, { keep: 2 }] };
    expect(setClaimPartsSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['a negative keep', { keep: -1 }, /counts the claim's parts from 0/],
    ['a fractional keep', { keep: 1.5 }, /whole number/],
    ['an empty range', { start: 4, end: 4 }, /must cover some words/],
    ['neither new words nor a kept part', { part: 1 }, /needs a start offset/],
  ])('refuses %s', (_, part, message) => {
    const result = setClaimPartsSchema.safeParse({ version: 1, revision: 1, parts: [part] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});

describe('setClaimPartsSchema: where a bad entry is', () => {
  it('names the entry and field, and refuses a kept part with other keys', () => {
    const result = setClaimPartsSchema.safeParse({ version: 1, revision: 1, parts: [{ keep: 0 }, { start: 2, end: 1 }] });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['parts', 1, 'end']]);
    expect(setClaimPartsSchema.safeParse({ version: 1, revision: 1, parts: [{ keep: 0, start: 1, end: 2 }] }).success).toBe(false);
    expect(setClaimPartsSchema.safeParse({ version: 1, revision: 1, parts: [null] }).error?.issues[0]?.message).toMatch(/\{ start, end \} or a current part kept/);
  });
});
