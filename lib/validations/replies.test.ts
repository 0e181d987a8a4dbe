import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteReplyAttemptSchema, latestReplyDate, replyAttemptFieldsSchema, updateReplyAttemptSchema } from './replies';

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) {
  return result.success ? null : result.error!.issues[0]!.message;
}

const VALID = { contactedOn: '2026-11-20', method: 'email', contact: 'press office, press@example.gov', response: null, respondedOn: null, showPublicly: true } as const;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-26T23:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('right of reply validation', () => {
  it('takes an attempt without a response, trimming text and defaulting the optional fields', () => {
    expect(replyAttemptFieldsSchema.parse({ ...VALID, contact: '  press office  ' })).toEqual({ ...VALID, contact: 'press office' });
    expect(replyAttemptFieldsSchema.parse({ contactedOn: '2026-11-20', method: 'phone' })).toEqual({ contactedOn: '2026-11-20', method: 'phone', contact: '', response: null, respondedOn: null, showPublicly: false });
    // The form sends empty strings for empty fields.
    expect(replyAttemptFieldsSchema.parse({ ...VALID, response: '   ', respondedOn: '' })).toMatchObject({ response: null, respondedOn: null });
  });

  it('takes a response with its date', () => {
    expect(replyAttemptFieldsSchema.parse({ ...VALID, response: ' “We stand by the figure.” ', respondedOn: '2026-11-21' })).toMatchObject({ response: '“We stand by the figure.”', respondedOn: '2026-11-21' });
    expect(replyAttemptFieldsSchema.parse({ ...VALID, response: 'Same day.', respondedOn: '2026-11-20' }).respondedOn).toBe('2026-11-20');
    // A response whose date nobody noted.
    expect(replyAttemptFieldsSchema.parse({ ...VALID, response: 'Declined to comment.' })).toMatchObject({ response: 'Declined to comment.', respondedOn: null });
  });

  it('refuses dates that are not real, or later than tomorrow', () => {
    expect(latestReplyDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(latestReplyDate(new Date('2026-12-31T00:00:00Z'))).toBe('2027-01-01');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: '2026-02-30' }))).toBe('Use a date like 2017-11-21.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: '20.11.2026' }))).toBe('Use a date like 2017-11-21.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: '' }))).toBe('Use a date like 2017-11-21.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: 20261120 }))).toBe('The contact date must be a date.');
    expect(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: '2026-11-27' }).success).toBe(true);
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contactedOn: '2026-11-28' }))).toBe('The contact date cannot be in the future.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, response: 'ok', respondedOn: '2026-12-01' }))).toBe('The response date cannot be in the future.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, response: 'ok', respondedOn: '2026-11-31' }))).toBe('Use a date like 2017-11-21.');
  });

  it('refuses a response date before the contact date, or without a response', () => {
    const early = replyAttemptFieldsSchema.safeParse({ ...VALID, response: 'ok', respondedOn: '2026-11-19' });
    expect(firstMessage(early)).toBe('The response date cannot be before the contact date.');
    expect(early.error!.issues[0]!.path).toEqual(['respondedOn']);
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, respondedOn: '2026-11-21' }))).toBe('Add the response, or clear the response date.');
  });

  it('refuses unknown methods, overlong text, bad text and non-boolean flags', () => {
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, method: 'pigeon' }))).toBe('Method must be one of: email, phone, message, social_media, in_person, letter, other.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, method: undefined }))).toMatch(/^Method must be one of/);
    expect(replyAttemptFieldsSchema.safeParse({ ...VALID, contact: 'x'.repeat(300) }).success).toBe(true);
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contact: 'x'.repeat(301) }))).toBe('Contact is too long (300 characters at most).');
    expect(replyAttemptFieldsSchema.safeParse({ ...VALID, response: 'x'.repeat(4000) }).success).toBe(true);
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, response: 'x'.repeat(4001) }))).toBe('Response is too long (4,000 characters at most).');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, contact: 'a\u0000b' }))).toMatch(/^Contact /);
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, response: 42 }))).toBe('Response must be text.');
    expect(firstMessage(replyAttemptFieldsSchema.safeParse({ ...VALID, showPublicly: 'yes' }))).toBe('showPublicly must be true or false.');
  });

  it('needs the version to update or delete', () => {
    expect(updateReplyAttemptSchema.parse({ ...VALID, version: 2 })).toEqual({ ...VALID, version: 2 });
    expect(firstMessage(updateReplyAttemptSchema.safeParse(VALID))).toBe('A version number is required.');
    expect(updateReplyAttemptSchema.safeParse({ ...VALID, version: 0 }).success).toBe(false);
    // The cross-field rules hold on update too.
    expect(firstMessage(updateReplyAttemptSchema.safeParse({ ...VALID, version: 1, response: 'ok', respondedOn: '2026-11-01' }))).toBe('The response date cannot be before the contact date.');
    expect(deleteReplyAttemptSchema.parse({ version: 3 })).toEqual({ version: 3 });
    expect(deleteReplyAttemptSchema.safeParse({}).success).toBe(false);
  });
});
