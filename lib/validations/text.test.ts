import { describe, expect, it } from 'vitest';
import { ratingScaleInputSchema } from '@/lib/verdicts/scale';
import { createArticleSchema } from './articles';
import { sourceFieldsSchema, updateClaimSchema } from './claims';
import { userText } from './common';
import { createCommentSchema, putMyVerdictSchema } from './review';
import { normaliseText, textProblem, textProblemMessage } from './text';
import { addMemberSchema, workspaceSettingsSchema } from './workspaces';

const ID = '3f1c9a4e-8a4b-4c1e-9f0a-2b7d5e6c1a90';
const DECOMPOSED = 'Cafe\u0301 cre\u0300me'; // é and è as base letter + combining accent
const COMPOSED = 'Café crème';

function issues(result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) {
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('textProblem', () => {
  it.each([
    ['plain text', 'hello', null],
    ['an emoji (a valid surrogate pair)', 'ok 😀 👩‍👩‍👧', null],
    ['Persian with ZWNJ', 'می‌خواهم', null],
    ['a NUL', 'a\u0000b', 'nul'],
    ['a lone high surrogate', 'a\uD83D', 'lone_surrogate'],
    ['a lone low surrogate', '\uDE00a', 'lone_surrogate'],
    ['two high surrogates', '\uD83D\uD83D\uDE00', 'lone_surrogate'],
    ['a reversed pair', '\uDE00\uD83D', 'lone_surrogate'],
  ])('%s → %s', (_name, value, expected) => expect(textProblem(value)).toBe(expected));

  it('names the field in the message', () => {
    expect(textProblemMessage('Title', 'nul')).toMatch(/^Title contains a NUL character/);
    expect(textProblemMessage('The comment', 'lone_surrogate')).toMatch(/^The comment contains a broken character/);
  });

  it('normalises to NFC', () => expect(normaliseText(DECOMPOSED)).toBe(COMPOSED));
});

describe('userText', () => {
  it('normalises before trimming and counting, so a decomposed letter counts once', () => {
    const schema = userText('Name').trim().max(4);
    expect(schema.parse(' e\u0301te\u0301 ')).toBe('été');
    expect(schema.safeParse('e\u0301e\u0301e\u0301e\u0301').success).toBe(true); // 8 units decomposed, 4 composed
  });
  it('refuses a non-string with the field name', () => {
    expect(issues(userText('Name').safeParse(42))).toEqual([{ path: '', message: 'Name must be text.' }]);
  });
});

describe('every user text field', () => {
  it.each([
    ['article title', createArticleSchema, { title: 'T\u0000', text: 'x' }, 'title', /^Title contains a NUL/],
    ['article text', createArticleSchema, { title: 'T', text: 'body \uD800' }, 'text', /^The article text contains a broken character/],
    ['claim statement', updateClaimSchema, { version: 1, claimText: 'a\u0000' }, 'claimText', /^The claim statement contains a NUL/],
    ['rationale', updateClaimSchema, { version: 1, rationale: '\uDC00' }, 'rationale', /^Rationale contains a broken/],
    ['source excerpt', sourceFieldsSchema, { url: 'https://example.org', excerpt: 'x\u0000' }, 'excerpt', /^Excerpt contains a NUL/],
    ['source URL', sourceFieldsSchema, { url: 'https://example.org/\u0000' }, 'url', /^The URL contains a NUL/],
    ['comment', createCommentSchema, { body: 'hi \u0000' }, 'body', /^The comment contains a NUL/],
    ['verdict reason', putMyVerdictSchema, { verdictId: ID, reason: '\uD800' }, 'reason', /^The reason contains a broken/],
    ['member name', addMemberSchema, { email: 'a@b.example', name: 'Ana\u0000', role: 'viewer' }, 'name', /^Name contains a NUL/],
    ['workspace name', workspaceSettingsSchema, { version: 1, name: 'W\u0000', organizationName: 'O', organizationUrl: null, factCheckUrlPattern: '' }, 'name', /^Workspace name contains a NUL/],
    ['rating label', ratingScaleInputSchema, { name: 'S', levels: [{ key: 'a', label: 'A\u0000', color: '#000000', value: 1 }, { key: 'b', label: 'B', color: '#ffffff', value: 2 }] }, 'levels.0.label', /^Label contains a NUL/],
  ])('%s: refuses NUL / lone surrogates with a message naming the field', (_name, schema, input, path, message) => {
    const found = issues(schema.safeParse(input));
    expect(found).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
  });

  it('stores NFC: titles, article text, claims, sources, comments, reasons, names', () => {
    expect(createArticleSchema.parse({ title: DECOMPOSED, text: DECOMPOSED, byline: DECOMPOSED })).toMatchObject({ title: COMPOSED, text: COMPOSED, byline: COMPOSED });
    expect(updateClaimSchema.parse({ version: 1, claimText: DECOMPOSED, claimant: DECOMPOSED, rationale: DECOMPOSED })).toMatchObject({ claimText: COMPOSED, claimant: COMPOSED, rationale: COMPOSED });
    expect(sourceFieldsSchema.parse({ url: 'https://example.org', title: DECOMPOSED, excerpt: DECOMPOSED })).toMatchObject({ title: COMPOSED, excerpt: COMPOSED });
    expect(createCommentSchema.parse({ body: DECOMPOSED }).body).toBe(COMPOSED);
    expect(putMyVerdictSchema.parse({ verdictId: ID, reason: DECOMPOSED }).reason).toBe(COMPOSED);
    expect(addMemberSchema.parse({ email: 'a@b.example', name: DECOMPOSED, role: 'viewer' }).name).toBe(COMPOSED);
  });

  it('keeps emoji and Persian text unchanged', () => {
    const text = 'خامنه‌ای گفت 😀 👩‍👩‍👧';
    expect(createCommentSchema.parse({ body: text }).body).toBe(text);
  });
});
