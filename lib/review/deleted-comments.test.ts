import { describe, expect, it } from 'vitest';
import { scrubDeletedCommentAudit } from './deleted-comments';

describe('scrubDeletedCommentAudit', () => {
  it('drops the text and mentions and keeps the rest', () => {
    expect(scrubDeletedCommentAudit({ before: { body: 'secret', mentions: ['u1'], authorId: 'u2' }, after: { body: 'secret 2', mentions: [] } })).toEqual({ before: { authorId: 'u2' }, after: null });
  });

  it('leaves entries without content and odd values alone', () => {
    expect(scrubDeletedCommentAudit({ before: null, after: { deletedAt: '2026-11-25T10:00:00.000Z' } })).toEqual({ before: null, after: { deletedAt: '2026-11-25T10:00:00.000Z' } });
    expect(scrubDeletedCommentAudit({ before: 'legacy', after: [1] })).toEqual({ before: 'legacy', after: [1] });
  });
});
