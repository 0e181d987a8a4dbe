import { describe, expect, it } from 'vitest';
import { articleSlugSchema, publicationActionSchema } from './publishing';
import { articleSettingsSchema } from './review';

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.success ? null : result.error!.issues[0]!.message;
}

describe('publicationActionSchema', () => {
  it('reads a first publication (no note, no override)', () => {
    expect(publicationActionSchema.parse({ action: 'publish', version: 3 })).toEqual({ action: 'publish', version: 3 });
  });

  it('trims the correction note and override reason; blank or null means not given', () => {
    expect(publicationActionSchema.parse({ action: 'publish', version: 3, correctionNote: '  Fixed the rate.  ', overrideReason: ' Urgent ' })).toEqual({ action: 'publish', version: 3, correctionNote: 'Fixed the rate.', overrideReason: 'Urgent' });
    expect(publicationActionSchema.parse({ action: 'publish', version: 3, correctionNote: '   ', overrideReason: null })).toEqual({ action: 'publish', version: 3 });
  });

  it('caps the correction note at 2,000 characters and reasons at 1,000', () => {
    expect(publicationActionSchema.safeParse({ action: 'publish', version: 1, correctionNote: 'x'.repeat(2000) }).success).toBe(true);
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'publish', version: 1, correctionNote: 'x'.repeat(2001) }))).toMatch(/2,000/);
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'publish', version: 1, overrideReason: 'x'.repeat(1001) }))).toMatch(/1,000/);
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'reopen', version: 1, reason: 'x'.repeat(1001) }))).toMatch(/1,000/);
  });

  it('requires a reason to reopen or retract', () => {
    expect(publicationActionSchema.parse({ action: 'reopen', version: 2, reason: ' Wrong figure ' })).toEqual({ action: 'reopen', version: 2, reason: 'Wrong figure' });
    expect(publicationActionSchema.parse({ action: 'retract', version: 2, reason: 'Fabricated source' })).toEqual({ action: 'retract', version: 2, reason: 'Fabricated source' });
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'reopen', version: 2 }))).toMatch(/Say why the fact-check is reopened/);
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'reopen', version: 2, reason: '   ' }))).toMatch(/Say why the fact-check is reopened/);
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'retract', version: 2, reason: '' }))).toMatch(/retracted/);
  });

  it('requires a positive integer version', () => {
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'publish' }))).toBe('A version number is required.');
    expect(publicationActionSchema.safeParse({ action: 'publish', version: 0 }).success).toBe(false);
    expect(publicationActionSchema.safeParse({ action: 'publish', version: 1.5 }).success).toBe(false);
    expect(publicationActionSchema.safeParse({ action: 'publish', version: '3' }).success).toBe(false);
  });

  it('refuses an unknown or missing action', () => {
    expect(firstMessage(publicationActionSchema.safeParse({ action: 'unpublish', version: 1 }))).toBe('action must be publish, reopen or retract.');
    expect(firstMessage(publicationActionSchema.safeParse({ version: 1 }))).toBe('action must be publish, reopen or retract.');
    expect(publicationActionSchema.safeParse(null).success).toBe(false);
    expect(publicationActionSchema.safeParse([]).success).toBe(false);
  });

  it('refuses text with NUL characters', () => {
    expect(publicationActionSchema.safeParse({ action: 'retract', version: 1, reason: 'a\u0000b' }).success).toBe(false);
    expect(publicationActionSchema.safeParse({ action: 'publish', version: 1, correctionNote: 'a\u0000b' }).success).toBe(false);
  });

  it('drops fields of another action (a reopen carries no override)', () => {
    expect(publicationActionSchema.parse({ action: 'reopen', version: 1, reason: 'x', overrideReason: 'y' })).toEqual({ action: 'reopen', version: 1, reason: 'x' });
  });
});

describe('articleSlugSchema', () => {
  it.each(['a', 'budget-speech', 'budget-speech-2024', '2024', 'x'.repeat(80)])('accepts %s', (slug) => {
    expect(articleSlugSchema.parse(slug)).toBe(slug);
  });

  it('trims surrounding spaces', () => {
    expect(articleSlugSchema.parse('  budget-speech ')).toBe('budget-speech');
  });

  it.each(['', ' ', 'Budget', 'budget speech', '-budget', 'budget-', 'budget--speech', 'budget_speech', 'bü', 'a/b', '../x', 'x'.repeat(81)])('refuses %j', (slug) => {
    expect(articleSlugSchema.safeParse(slug).success).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(firstMessage(articleSlugSchema.safeParse(3))).toBe('The address must be text.');
    expect(articleSlugSchema.safeParse(null).success).toBe(false);
  });
});

describe('articleSettingsSchema (slug)', () => {
  it('takes a slug alone, blind review alone, or both', () => {
    expect(articleSettingsSchema.parse({ slug: 'new-address', version: 2 })).toEqual({ slug: 'new-address', version: 2 });
    expect(articleSettingsSchema.parse({ blindReview: true, version: 2 })).toEqual({ blindReview: true, version: 2 });
    expect(articleSettingsSchema.parse({ blindReview: false, slug: 'x', version: 2 })).toEqual({ blindReview: false, slug: 'x', version: 2 });
  });

  it('refuses an empty change and a bad slug', () => {
    expect(firstMessage(articleSettingsSchema.safeParse({ version: 2 }))).toBe('Nothing to change: send blindReview or slug.');
    expect(firstMessage(articleSettingsSchema.safeParse({ slug: 'Not A Slug', version: 2 }))).toMatch(/lowercase letters/);
    expect(articleSettingsSchema.safeParse({ slug: 'ok' }).success).toBe(false);
  });
});
