import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { articles, historyEntries, replyAttempts } from '../schema';
import { transaction } from '../transaction';
import { authorize, authorizeClaim } from './access';
import { createReplyAttempt, deleteReplyAttempt, getReplyAttemptScope, listReplyAttempts, listReplyAttemptsForClaims, updateReplyAttempt } from './reply-attempts';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { replyAttemptFieldsSchema } from '@/lib/validations/replies';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const fields = (overrides: Record<string, unknown> = {}) => replyAttemptFieldsSchema.parse({ contactedOn: '2026-11-20', method: 'email', contact: 'Office of the Supreme Leader, press desk', showPublicly: true, ...overrides });

async function setStatus(status: ArticleStatus) {
  await transaction(f.db, async (tx) => {
    await tx.update(articles).set({ status }).where(eq(articles.id, f.article.id));
  });
}

describe('right of reply', () => {
  it('logs an attempt with its author and a history entry, and lists a claim’s attempts by contact date', async () => {
    const claimId = f.claims[0]!.id;
    const later = await createReplyAttempt(f.db, { claimId, fields: fields({ contactedOn: '2026-11-22', method: 'phone', showPublicly: false }), actorId: f.u.ana });
    expect(later).toMatchObject({ claimId, contactedOn: '2026-11-22', method: 'phone', contact: 'Office of the Supreme Leader, press desk', response: null, respondedOn: null, showPublicly: false, createdBy: f.u.ana, createdByName: 'Ana Souza', version: 1 });
    expect(later.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const earlier = await createReplyAttempt(f.db, { claimId, fields: fields({ response: 'No comment.', respondedOn: '2026-11-21' }), actorId: f.u.kofi });
    expect((await listReplyAttempts(f.db, claimId)).map((a) => a.id)).toEqual([earlier.id, later.id]);
    expect(await listReplyAttempts(f.db, f.claims[1]!.id)).toEqual([]);
    expect((await listReplyAttemptsForClaims(f.db, [claimId, f.claims[1]!.id])).map((a) => a.id)).toEqual([earlier.id, later.id]);
    expect(await listReplyAttemptsForClaims(f.db, [])).toEqual([]);

    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityType, 'reply_attempt'), eq(historyEntries.entityId, earlier.id)));
    expect(history).toMatchObject([{ action: 'create', claimId, articleId: f.article.id, workspaceId: f.workspaceId, actorId: f.u.kofi }]);
    const [row] = await f.db.select().from(replyAttempts).where(eq(replyAttempts.id, earlier.id));
    expect(row!.workspaceId).toBe(f.workspaceId);
  });

  it('updates with the version editing began from, and refuses a stale one with the current attempt', async () => {
    const claimId = f.claims[0]!.id;
    const attempt = await createReplyAttempt(f.db, { claimId, fields: fields(), actorId: f.u.ana });
    const updated = await updateReplyAttempt(f.db, attempt.id, { ...fields({ response: 'We stand by the statement.', respondedOn: '2026-11-23' }), version: 1 }, f.u.kofi);
    expect(updated).toMatchObject({ id: attempt.id, response: 'We stand by the statement.', respondedOn: '2026-11-23', version: 2, createdBy: f.u.ana, createdByName: 'Ana Souza' });

    const stale = await catchAppError(() => updateReplyAttempt(f.db, attempt.id, { ...fields({ contact: 'overwritten' }), version: 1 }, f.u.ana));
    expect(stale).toMatchObject({ code: 'conflict', message: 'Someone else changed this right-of-reply entry since you opened it.' });
    expect((stale.details as { current: { version: number; response: string } }).current).toMatchObject({ version: 2, response: 'We stand by the statement.' });
    expect((await listReplyAttempts(f.db, claimId))[0]!.contact).toBe('Office of the Supreme Leader, press desk');

    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, attempt.id), eq(historyEntries.action, 'update')));
    expect(history).toHaveLength(1);
    expect(history[0]!.actorId).toBe(f.u.kofi);
    expect(await catchAppError(() => updateReplyAttempt(f.db, crypto.randomUUID(), { ...fields(), version: 1 }, f.u.ana))).toMatchObject({ code: 'not_found' });
  });

  it('deletes with the current version only, recording who did it', async () => {
    const claimId = f.claims[0]!.id;
    const attempt = await createReplyAttempt(f.db, { claimId, fields: fields(), actorId: f.u.ana });
    await updateReplyAttempt(f.db, attempt.id, { ...fields({ showPublicly: false }), version: 1 }, f.u.ana);
    expect(await catchAppError(() => deleteReplyAttempt(f.db, attempt.id, 1, f.u.ana))).toMatchObject({ code: 'conflict' });
    expect(await deleteReplyAttempt(f.db, attempt.id, 2, f.u.kofi)).toMatchObject({ id: attempt.id, showPublicly: false });
    expect(await listReplyAttempts(f.db, claimId)).toEqual([]);
    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, attempt.id), eq(historyEntries.action, 'delete')));
    expect(history).toMatchObject([{ actorId: f.u.kofi, claimId }]);
    expect(await catchAppError(() => deleteReplyAttempt(f.db, attempt.id, 2, f.u.kofi))).toMatchObject({ code: 'not_found' });
  });

  it('refuses every write on a published or retracted article with a 409 that says it is locked', async () => {
    const claimId = f.claims[0]!.id;
    const attempt = await createReplyAttempt(f.db, { claimId, fields: fields(), actorId: f.u.ana });
    for (const status of ['published', 'retracted'] as const) {
      await setStatus(status);
      const create = await catchAppError(() => createReplyAttempt(f.db, { claimId, fields: fields(), actorId: f.u.ana }));
      expect(create).toMatchObject({ code: 'conflict', details: { locked: true, status } });
      // Locked wins over stale: the person learns the article must be reopened first.
      expect(await catchAppError(() => updateReplyAttempt(f.db, attempt.id, { ...fields({ response: 'late' }), version: 7 }, f.u.ana))).toMatchObject({ code: 'conflict', details: { locked: true } });
      expect(await catchAppError(() => updateReplyAttempt(f.db, attempt.id, { ...fields({ response: 'late' }), version: 1 }, f.u.ana))).toMatchObject({ code: 'conflict', details: { locked: true } });
      expect(await catchAppError(() => deleteReplyAttempt(f.db, attempt.id, 1, f.u.ana))).toMatchObject({ code: 'conflict', details: { locked: true } });
    }
    expect(await listReplyAttempts(f.db, claimId)).toMatchObject([{ id: attempt.id, version: 1, response: null }]);
    // Reopened (back in review): writable again.
    await setStatus('in_review');
    expect((await updateReplyAttempt(f.db, attempt.id, { ...fields({ response: 'late' }), version: 1 }, f.u.ana)).version).toBe(2);
  });

  it('refuses a claim that does not exist', async () => {
    expect(await catchAppError(() => createReplyAttempt(f.db, { claimId: crypto.randomUUID(), fields: fields(), actorId: f.u.ana }))).toMatchObject({ code: 'not_found', message: 'Claim not found.' });
    expect(await catchAppError(() => getReplyAttemptScope(f.db, crypto.randomUUID()))).toMatchObject({ code: 'not_found', message: 'Reply attempt not found.' });
  });

  it('lets reviewers and up write, viewers only read, and hides attempts from other workspaces (what the routes check)', async () => {
    const claimId = f.claims[0]!.id;
    const attempt = await createReplyAttempt(f.db, { claimId, fields: fields(), actorId: f.u.ana });
    for (const who of [f.u.ana, f.u.tom, f.u.nadia]) expect((await authorizeClaim(f.db, who, claimId, 'source:write')).claim.id).toBe(claimId);
    expect(await catchAppError(() => authorizeClaim(f.db, f.u.vera, claimId, 'source:write'))).toMatchObject({ code: 'forbidden' });
    expect((await authorizeClaim(f.db, f.u.vera, claimId, 'article:read')).role).toBe('viewer');
    // Omar owns another workspace: the claim and the attempt do not exist for him.
    expect(await catchAppError(() => authorizeClaim(f.db, f.u.omar, claimId, 'article:read'))).toMatchObject({ code: 'not_found' });
    const scope = await getReplyAttemptScope(f.db, attempt.id);
    expect(scope).toMatchObject({ workspaceId: f.workspaceId, articleId: f.article.id, attempt: { id: attempt.id, claimId } });
    expect(await catchAppError(() => authorize(f.db, f.u.omar, scope.workspaceId, 'source:write', 'Reply attempt'))).toMatchObject({ code: 'not_found', message: 'Reply attempt not found.' });
    expect(await catchAppError(() => authorize(f.db, f.u.vera, scope.workspaceId, 'source:write', 'Reply attempt'))).toMatchObject({ code: 'forbidden' });
  });
});
