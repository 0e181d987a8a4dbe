import { describe, expect, it } from 'vitest';
import { createArticleSchema } from './articles';
import { createClaimSchema, setClaimPartsSchema, sourceFieldsSchema, updateClaimSchema, updateSourceSchema } from './claims';
import { httpUrlSchema, isRealIsoDate, isoDateSchema } from './common';

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

describe('dates', () => {
  it.each([
    ['2017-11-22', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2017-13-01', false],
    ['22/11/2017', false],
    ['', false],
  ])('%s is a real ISO date: %s', (value, expected) => expect(isRealIsoDate(value)).toBe(expected));

  it('turns empty into null and explains bad dates', () => {
    expect(isoDateSchema.parse('')).toBeNull();
    expect(isoDateSchema.parse(null)).toBeNull();
    expect(firstMessage(isoDateSchema.safeParse('tomorrow'))).toBe('Use a date like 2017-11-21.');
  });
});

describe('URLs', () => {
  it.each(['https://en.radiofarda.com/a/1.html', 'http://example.org'])('accepts %s', (url) => expect(httpUrlSchema.parse(url)).toBe(url));
  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'ftp://example.org', 'not a url', ''])('rejects %s', (url) => {
    expect(httpUrlSchema.safeParse(url).success).toBe(false);
  });
});

describe('claims and sources', () => {
  it('needs a non-empty, forward selection', () => {
    expect(firstMessage(createClaimSchema.safeParse({ articleId: crypto.randomUUID(), revision: 1, start: 5, end: 5 }))).toBe('Select some text to mark as a claim.');
    expect(createClaimSchema.safeParse({ articleId: 'x', revision: 1, start: 0, end: 5 }).success).toBe(false);
  });
  it('validates updates field by field', () => {
    expect(firstMessage(updateClaimSchema.safeParse({ version: 1, claimText: '   ' }))).toBe('The claim statement cannot be empty.');
    expect(firstMessage(updateClaimSchema.safeParse({ version: 1, status: 'done' }))).toBe('Status must be open, in review or resolved.');
    expect(firstMessage(updateClaimSchema.safeParse({ rationale: 'x' }))).toBe('A version number is required.');
    expect(updateClaimSchema.parse({ version: 2, claimDate: '' })).toEqual({ version: 2, claimDate: null });
  });
  it('excludes a claim with a trimmed reason of 1–500 characters, and includes it again with null', () => {
    expect(updateClaimSchema.parse({ version: 3, exclusionReason: '  Opinion, not a checkable claim.  ' })).toEqual({ version: 3, exclusionReason: 'Opinion, not a checkable claim.' });
    expect(updateClaimSchema.parse({ version: 3, exclusionReason: null })).toEqual({ version: 3, exclusionReason: null });
    expect(updateClaimSchema.parse({ version: 3 })).toEqual({ version: 3 });
    expect(firstMessage(updateClaimSchema.safeParse({ version: 3, exclusionReason: '' }))).toBe('Give a reason for excluding the claim from the fact-check.');
    expect(firstMessage(updateClaimSchema.safeParse({ version: 3, exclusionReason: ' \n\t ' }))).toBe('Give a reason for excluding the claim from the fact-check.');
    expect(updateClaimSchema.safeParse({ version: 3, exclusionReason: 'x'.repeat(500) }).success).toBe(true);
    expect(firstMessage(updateClaimSchema.safeParse({ version: 3, exclusionReason: 'x'.repeat(501) }))).toBe('The reason for excluding the claim can be at most 500 characters.');
    expect(firstMessage(updateClaimSchema.safeParse({ version: 3, exclusionReason: 42 }))).toBe('Give a reason for excluding the claim, or null to include it again.');
    expect(firstMessage(updateClaimSchema.safeParse({ exclusionReason: 'Opinion' }))).toBe('A version number is required.');
  });
  it('requires a web address for a source and trims fields', () => {
    expect(firstMessage(sourceFieldsSchema.safeParse({ url: 'javascript:alert(1)' }))).toBe('Enter a full web address starting with http:// or https://.');
    // isPublic: a new source is internal unless marked public (issue 10).
    expect(sourceFieldsSchema.parse({ url: ' https://example.org ', title: ' T ' })).toEqual({ url: 'https://example.org', title: 'T', publisher: '', excerpt: '', excerptPrefix: '', excerptSuffix: '', accessedOn: null, isPublic: false });
  });
  it('marks a source public or internal: false by default on add, unchanged when left out of an update', () => {
    expect(sourceFieldsSchema.parse({ url: 'https://example.org', isPublic: true }).isPublic).toBe(true);
    expect(firstMessage(sourceFieldsSchema.safeParse({ url: 'https://example.org', isPublic: 'yes' }))).toBe('isPublic must be true or false.');
    expect(updateSourceSchema.parse({ url: 'https://example.org', version: 2 })).not.toHaveProperty('isPublic');
    expect(updateSourceSchema.parse({ url: 'https://example.org', version: 2, isPublic: false }).isPublic).toBe(false);
    expect(firstMessage(updateSourceSchema.safeParse({ url: 'https://example.org', version: 2, isPublic: 1 }))).toBe('isPublic must be true or false.');
  });
});

describe('articles', () => {
  it('requires a title and some text', () => {
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: '  \n ' }))).toBe('Paste or upload the article text.');
    expect(firstMessage(createArticleSchema.safeParse({ title: '', text: 'x' }))).toBe('Title is required.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: 'x', language: 'English' }))).toBe('Use a language code like en or fa.');
  });
});

describe('claim parts (PUT /api/claims/:id/anchor)', () => {
  it('takes 1–20 non-empty ranges with a version and a revision', () => {
    expect(setClaimPartsSchema.parse({ version: 2, revision: 5, parts: [{ start: 0, end: 4 }, { start: 10, end: 12 }] })).toEqual({ version: 2, revision: 5, parts: [{ start: 0, end: 4 }, { start: 10, end: 12 }] });
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: [] }))).toBe('Select the words of the claim.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: [{ start: 3, end: 3 }] }))).toBe('Each part must cover some words (its end must come after its start).');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: [{ start: -1, end: 3 }] }))).toBe('Offsets cannot be negative.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: [{ start: 1.5, end: 3 }] }))).toBe('Offsets are whole numbers.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: Array.from({ length: 21 }, (_, i) => ({ start: i, end: i + 1 })) }))).toBe('A claim can have at most 20 parts.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, revision: 5, parts: 'all' }))).toBe('Give the parts of the claim as a list of { start, end } or { keep: index }.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ version: 2, parts: [{ start: 0, end: 1 }] }))).toBe('The article revision is required.');
    expect(firstMessage(setClaimPartsSchema.safeParse({ revision: 2, parts: [{ start: 0, end: 1 }] }))).toBe('A version number is required.');
  });
});

describe('source excerpt context', () => {
  it('keeps the words around the excerpt as given (spaces too), defaults them to empty on add and leaves them out of an update without them', () => {
    expect(sourceFieldsSchema.parse({ url: 'https://example.org', excerpt: 'rose 4%', excerptPrefix: ' prices ', excerptSuffix: ' in May ' })).toMatchObject({ excerpt: 'rose 4%', excerptPrefix: ' prices ', excerptSuffix: ' in May ' });
    const update = updateSourceSchema.parse({ url: 'https://example.org', version: 2 });
    expect(update).not.toHaveProperty('excerptPrefix');
    expect(update).not.toHaveProperty('excerptSuffix');
    expect(firstMessage(sourceFieldsSchema.safeParse({ url: 'https://example.org', excerptPrefix: 'x'.repeat(201) }))).toBe('The words before the excerpt can be at most 200 characters.');
    expect(firstMessage(sourceFieldsSchema.safeParse({ url: 'https://example.org', excerptSuffix: 'x'.repeat(201) }))).toBe('The words after the excerpt can be at most 200 characters.');
  });
});
