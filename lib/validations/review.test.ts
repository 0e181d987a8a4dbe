import { describe, expect, it } from 'vitest';
import { articleSettingsSchema, articleStatusSchema, createAssignmentSchema, createCommentSchema, finalVerdictSchema, markMentionsReadSchema, presenceSchema, putMyVerdictSchema, updateCommentSchema } from './review';

const ID = '3f1c9a4e-8a4b-4c1e-9f0a-2b7d5e6c1a90';

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.success ? null : result.error!.issues[0]!.message;
}

describe('review validations', () => {
  it('trims comments and refuses empty or overlong ones', () => {
    // isPublic: a comment is internal unless marked public (issue 10).
    expect(createCommentSchema.parse({ body: '  hi  ' })).toEqual({ body: 'hi', isPublic: false });
    expect(firstMessage(createCommentSchema.safeParse({ body: '   ' }))).toBe('Write something before posting.');
    expect(firstMessage(createCommentSchema.safeParse({ body: 'x'.repeat(5001) }))).toMatch(/at most 5,000/);
    expect(firstMessage(updateCommentSchema.safeParse({ body: 'x' }))).toBe('A version number is required.');
  });

  it('marks a comment public or internal: false by default; an edit may change the text, the flag or both', () => {
    expect(createCommentSchema.parse({ body: 'note', isPublic: true })).toEqual({ body: 'note', isPublic: true });
    expect(firstMessage(createCommentSchema.safeParse({ body: 'note', isPublic: 'true' }))).toBe('isPublic must be true or false.');
    expect(updateCommentSchema.parse({ body: ' x ', version: 2 })).toEqual({ body: 'x', version: 2 });
    expect(updateCommentSchema.parse({ isPublic: true, version: 2 })).toEqual({ isPublic: true, version: 2 });
    expect(updateCommentSchema.parse({ body: 'x', isPublic: false, version: 2 })).toEqual({ body: 'x', isPublic: false, version: 2 });
    expect(firstMessage(updateCommentSchema.safeParse({ version: 2 }))).toBe('Write a comment.');
    expect(firstMessage(updateCommentSchema.safeParse({ body: '  ', isPublic: true, version: 2 }))).toBe('Write something before posting.');
  });

  it('caps the people one comment mentions, counting each person once', () => {
    const people = Array.from({ length: 21 }, (_, i) => `@[P${i}](${ID.slice(0, -2)}${String(i).padStart(2, '0')})`);
    expect(createCommentSchema.safeParse({ body: people.slice(0, 20).join(' ') }).success).toBe(true);
    expect(createCommentSchema.safeParse({ body: `${people[0]} `.repeat(30) }).success).toBe(true);
    expect(firstMessage(createCommentSchema.safeParse({ body: people.join(' ') }))).toBe('Mention at most 20 people in one comment.');
  });

  it('takes my verdict with an optional version and a default reason', () => {
    expect(putMyVerdictSchema.parse({ verdictId: ID })).toEqual({ verdictId: ID, reason: '' });
    expect(putMyVerdictSchema.parse({ verdictId: ID, reason: ' ok ', version: 2 })).toEqual({ verdictId: ID, reason: 'ok', version: 2 });
    expect(firstMessage(putMyVerdictSchema.safeParse({ verdictId: 'nope' }))).toBe('Invalid id.');
    expect(putMyVerdictSchema.safeParse({ verdictId: ID, version: 0 }).success).toBe(false);
  });

  it('accepts null to clear the final verdict, but requires the claim version', () => {
    expect(finalVerdictSchema.parse({ verdictId: null, version: 3 })).toEqual({ verdictId: null, version: 3 });
    expect(finalVerdictSchema.safeParse({ verdictId: ID }).success).toBe(false);
  });

  it('checks statuses and settings', () => {
    expect(articleStatusSchema.parse({ status: 'ready', version: 1 }).status).toBe('ready');
    expect(firstMessage(articleStatusSchema.safeParse({ status: 'live', version: 1 }))).toBe('Status must be draft, in_review, ready or published.');
    expect(firstMessage(articleSettingsSchema.safeParse({ blindReview: 'yes', version: 1 }))).toBe('blindReview must be true or false.');
  });

  it('assigns a claim or a whole article', () => {
    expect(createAssignmentSchema.parse({ articleId: ID, assigneeId: ID })).toEqual({ articleId: ID, assigneeId: ID });
    expect(createAssignmentSchema.parse({ articleId: ID, claimId: null, assigneeId: ID }).claimId).toBeNull();
    expect(createAssignmentSchema.safeParse({ articleId: ID }).success).toBe(false);
  });

  it('reads presence and mention bodies', () => {
    expect(presenceSchema.parse({ openClaimId: null })).toEqual({ openClaimId: null });
    expect(presenceSchema.safeParse({}).success).toBe(false);
    expect(markMentionsReadSchema.parse({})).toEqual({});
    expect(markMentionsReadSchema.parse({ ids: [ID] })).toEqual({ ids: [ID] });
    expect(markMentionsReadSchema.safeParse({ ids: ['x'] }).success).toBe(false);
    expect(markMentionsReadSchema.parse({ claimId: ID })).toEqual({ claimId: ID });
    expect(markMentionsReadSchema.safeParse({ claimId: 'x' }).success).toBe(false);
    expect(markMentionsReadSchema.safeParse({ ids: [ID], claimId: ID }).success).toBe(false);
  });
});
