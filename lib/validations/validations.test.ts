import { describe, expect, it } from 'vitest';
import { createArticleSchema } from './articles';
import { createClaimSchema, sourceFieldsSchema, updateClaimSchema } from './claims';
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
  it('requires a web address for a source and trims fields', () => {
    expect(firstMessage(sourceFieldsSchema.safeParse({ url: 'javascript:alert(1)' }))).toBe('Enter a full web address starting with http:// or https://.');
    expect(sourceFieldsSchema.parse({ url: ' https://example.org ', title: ' T ' })).toEqual({ url: 'https://example.org', title: 'T', publisher: '', excerpt: '', accessedOn: null });
  });
});

describe('articles', () => {
  it('requires a title and some text', () => {
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: '  \n ' }))).toBe('Paste or upload the article text.');
    expect(firstMessage(createArticleSchema.safeParse({ title: '', text: 'x' }))).toBe('Title is required.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: 'x', language: 'English' }))).toBe('Use a language code like en or fa.');
  });
});
