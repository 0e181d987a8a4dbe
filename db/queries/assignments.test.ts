import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { articles, claims, historyEntries, memberships } from '../schema';
import { transaction } from '../transaction';
import { assign, getAssignment, listAssignments, myQueue, unassign } from './assignments';
import { createComment } from './comments';
import { serializeMention } from '@/lib/review/mention-tokens';
import { markMentionsRead } from './mentions';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { upsertMyVerdict } from './verdicts';
import { partsColumns } from '@/lib/claims/parts';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});


describe('assign / unassign', () => {
  it('assigns a claim to a reviewer, with names and a history row on the claim', async () => {
    const claimId = f.claims[0]!.id;
    const { assignment, created } = await assign(f.db, { articleId: f.article.id, claimId, assigneeId: f.u.kofi, actorId: f.u.tom });
    expect(created).toBe(true);
    expect(assignment).toMatchObject({ articleId: f.article.id, claimId, assigneeId: f.u.kofi, assigneeName: 'Kofi Mensah', assignedById: f.u.tom, assignedByName: 'Tom Becker', workspaceId: f.workspaceId });
    const [history] = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, assignment.id)).limit(1);
    expect(history).toMatchObject({ entityType: 'assignment', action: 'create', claimId, after: { assigneeName: 'Kofi Mensah' } });
  });

  it('is idempotent: assigning the same thing again returns the existing assignment', async () => {
    const first = await assign(f.db, { articleId: f.article.id, assigneeId: f.u.ana, actorId: f.u.tom });
    const again = await assign(f.db, { articleId: f.article.id, claimId: null, assigneeId: f.u.ana, actorId: f.u.tom });
    expect(again).toEqual({ assignment: first.assignment, created: false });
    expect(await listAssignments(f.db, f.article.id)).toHaveLength(1);
  });

  it('only assigns reviewers and above from the same workspace, to claims of that article', async () => {
    expect((await catchAppError(() => assign(f.db, { articleId: f.article.id, assigneeId: f.u.vera, actorId: f.u.tom }))).message).toBe('Vera Lind is a viewer; only reviewers, editors and owners can be assigned.');
    expect((await catchAppError(() => assign(f.db, { articleId: f.article.id, assigneeId: f.u.omar, actorId: f.u.tom }))).message).toBe('That person is not a member of this workspace.');
    expect((await catchAppError(() => assign(f.db, { articleId: f.article.id, claimId: crypto.randomUUID(), assigneeId: f.u.ana, actorId: f.u.tom }))).code).toBe('not_found');
    expect((await catchAppError(() => assign(f.db, { articleId: crypto.randomUUID(), assigneeId: f.u.ana, actorId: f.u.tom }))).code).toBe('not_found');
  });

  it('unassigns, recording history; a second unassign is a 404', async () => {
    const { assignment } = await assign(f.db, { articleId: f.article.id, claimId: f.claims[0]!.id, assigneeId: f.u.ana, actorId: f.u.tom });
    expect(await unassign(f.db, assignment.id, f.u.tom)).toEqual(assignment);
    expect(await listAssignments(f.db, f.article.id)).toEqual([]);
    expect((await catchAppError(() => getAssignment(f.db, assignment.id))).code).toBe('not_found');
    expect((await catchAppError(() => unassign(f.db, assignment.id, f.u.tom))).code).toBe('not_found');
    const rows = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, assignment.id)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
  });
});

describe('myQueue', () => {
  it('carries each claim\'s anchor state, and a multi-part claim\'s parts joined by " … "', async () => {
    const [orphan, split] = f.claims.filter((c) => c.status !== 'resolved');
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ anchorState: 'orphaned' }).where(eq(claims.id, orphan!.id));
      const first = { quote: { exact: 'first words', prefix: '', suffix: '' }, position: { start: 0, end: 11 }, anchorState: 'anchored' as const };
      const second = { quote: { exact: 'second words', prefix: '', suffix: '' }, position: { start: 20, end: 32 }, anchorState: 'orphaned' as const };
      await tx.update(claims).set(partsColumns([first, second])).where(eq(claims.id, split!.id));
    });
    await assign(f.db, { articleId: f.article.id, assigneeId: f.u.ana, actorId: f.u.tom });
    const items = (await myQueue(f.db, f.u.ana)).claims;
    expect(items.find((c) => c.claimId === orphan!.id)).toMatchObject({ anchorState: 'orphaned', quote: orphan!.quote.exact });
    expect(items.find((c) => c.claimId === split!.id)).toMatchObject({ anchorState: 'partial', quote: 'first words … second words' });
    expect(items.filter((c) => c.claimId !== orphan!.id && c.claimId !== split!.id).every((c) => c.anchorState === 'anchored')).toBe(true);
    // A malformed parts_json shows the first part instead of breaking the queue.
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ partsJson: '{not json' }).where(eq(claims.id, split!.id));
    });
    expect((await myQueue(f.db, f.u.ana)).claims.find((c) => c.claimId === split!.id)).toMatchObject({ quote: 'first words' });
  });

  it('lists claims assigned directly or via the article, awaiting my verdict, each once', async () => {
    const open = f.claims.filter((c) => c.status !== 'resolved');
    await assign(f.db, { articleId: f.article.id, claimId: open[0]!.id, assigneeId: f.u.ana, actorId: f.u.tom });
    await assign(f.db, { articleId: f.article.id, assigneeId: f.u.ana, actorId: f.u.tom });
    const queue = await myQueue(f.db, f.u.ana);
    expect(queue.claims.map((c) => c.claimId).sort()).toEqual(open.map((c) => c.id).sort());
    expect(queue.claims[0]).toMatchObject({ claimId: open[0]!.id, assignedVia: 'claim', articleTitle: f.article.title, workspaceName: 'Demo Fact-Check Desk', quote: open[0]!.quote.exact, claimText: open[0]!.claimText });
    expect(queue.claims.slice(1).every((c) => c.assignedVia === 'article')).toBe(true);
    expect((await myQueue(f.db, f.u.kofi)).claims).toEqual([]);
  });

  it('drops a claim once I give my verdict, and leaves out resolved claims', async () => {
    const resolved = f.claims.find((c) => c.status === 'resolved')!;
    const pending = f.claims.find((c) => c.status !== 'resolved')!;
    await assign(f.db, { articleId: f.article.id, claimId: resolved.id, assigneeId: f.u.kofi, actorId: f.u.tom });
    await assign(f.db, { articleId: f.article.id, claimId: pending.id, assigneeId: f.u.kofi, actorId: f.u.tom });
    expect((await myQueue(f.db, f.u.kofi)).claims.map((c) => c.claimId)).toEqual([pending.id]);
    await upsertMyVerdict(f.db, { claimId: pending.id, userId: f.u.kofi, verdictId: f.level('true'), reason: '' });
    expect((await myQueue(f.db, f.u.kofi)).claims).toEqual([]);
  });

  it('leaves out published articles and workspaces where I can no longer give verdicts', async () => {
    const pending = f.claims.find((c) => c.status !== 'resolved')!;
    await assign(f.db, { articleId: f.article.id, claimId: pending.id, assigneeId: f.u.kofi, actorId: f.u.tom });
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ status: 'published' }).where(eq(articles.id, f.article.id));
    });
    expect((await myQueue(f.db, f.u.kofi)).claims).toEqual([]);
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ status: 'in_review' }).where(eq(articles.id, f.article.id));
    });
    await transaction(f.db, async (tx) => {
      await tx.update(memberships).set({ role: 'viewer' }).where(and(eq(memberships.userId, f.u.kofi), eq(memberships.workspaceId, f.workspaceId)));
    });
    expect((await myQueue(f.db, f.u.kofi)).claims).toEqual([]);
  });

  it('includes unread mentions, not read ones nor those in deleted comments', async () => {
    const claimId = f.claims[0]!.id;
    await createComment(f.db, { claimId, body: `${serializeMention({ userId: f.u.kofi, label: 'kofi' })} what do you think?`, actorId: f.u.ana });
    expect((await myQueue(f.db, f.u.kofi)).mentions).toMatchObject([{ claimId, authorName: 'Ana Souza', excerpt: '@kofi what do you think?' }]);
    await markMentionsRead(f.db, f.u.kofi);
    expect((await myQueue(f.db, f.u.kofi)).mentions).toEqual([]);
  });

  it('under blind review keeps resolved claims in a reviewer’s queue with the status hidden (their absence would tell)', async () => {
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
    });
    const resolved = f.claims.find((c) => c.status === 'resolved')!;
    await assign(f.db, { articleId: f.article.id, claimId: resolved.id, assigneeId: f.u.ana, actorId: f.u.tom });
    expect((await myQueue(f.db, f.u.ana)).claims).toEqual([expect.objectContaining({ claimId: resolved.id, claimStatus: null })]);
    // Editors are not blind: a resolved claim is done for them and its status shows.
    const open = f.claims.find((c) => c.status !== 'resolved')!;
    await assign(f.db, { articleId: f.article.id, claimId: resolved.id, assigneeId: f.u.tom, actorId: f.u.nadia });
    await assign(f.db, { articleId: f.article.id, claimId: open.id, assigneeId: f.u.tom, actorId: f.u.nadia });
    expect((await myQueue(f.db, f.u.tom)).claims).toEqual([expect.objectContaining({ claimId: open.id, claimStatus: open.status })]);
  });

  it('follows claim status: a claim reopened from resolved comes back', async () => {
    const resolved = f.claims.find((c) => c.status === 'resolved')!;
    await assign(f.db, { articleId: f.article.id, claimId: resolved.id, assigneeId: f.u.ana, actorId: f.u.tom });
    expect((await myQueue(f.db, f.u.ana)).claims).toEqual([]);
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ status: 'open' }).where(eq(claims.id, resolved.id));
    });
    expect((await myQueue(f.db, f.u.ana)).claims.map((c) => c.claimId)).toEqual([resolved.id]);
  });
});
