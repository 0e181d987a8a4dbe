import { beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { articlePublications, articleRevisions, articles, articleUpdates, assignments, claims, claimVerdicts, comments, historyEntries, mentions, sourceArchives, sources } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { TRASH_PUBLISHED_MESSAGE, TRASH_RETENTION_MS } from '@/lib/articles/trash';
import { authorizeArticle, authorizeArticleScope, authorizeClaim, authorizeSource, getArticleDoc, getArticleMembership, getArticleRoles } from './access';
import { authorizeTrashedArticle, listTrash, purgeExpiredTrash, restoreArticle, trashArticle } from './article-trash';
import { createArticle, listArticlesForUser } from './articles';
import { assign, getAssignment, myQueue } from './assignments';
import { createComment, getCommentScope } from './comments';
import { listMentions } from './mentions';
import { findPublicFactCheck, listPublicFactChecks } from './public-fact-checks';
import { findArticleForExport } from './report';
import { lockArticleRow } from './article-lock';
import { createClaim } from './claims';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const row = async (id = f.article.id) => (await f.db.select().from(articles).where(eq(articles.id, id)).limit(1))[0];
const trash = async (id = f.article.id, actorId = f.u.tom, now?: Date) => trashArticle(f.db, { articleId: id, version: (await row(id))!.version, role: 'editor', actorId, now });
const countWhere = async (table: typeof claims | typeof assignments | typeof articleRevisions | typeof articlePublications | typeof articleUpdates, articleId: string) =>
  Number((await f.db.select({ n: count() }).from(table).where(eq(table.articleId, articleId)))[0]!.n);

async function publishedArticle() {
  return (await f.db.select().from(articles).where(and(eq(articles.workspaceId, f.workspaceId), eq(articles.status, 'published'))).limit(1))[0]!;
}

describe('trashArticle', () => {
  it('moves the article to the trash: gone from every id lookup and list, listed in the trash, history recorded', async () => {
    const claim = f.claims[0]!;
    const [source] = await f.db.select().from(sources).where(eq(sources.claimId, claim.id)).limit(1);
    const before = (await row())!;
    const { article } = await trash();
    expect(article).toMatchObject({ id: f.article.id, version: before.version + 1, slug: before.slug });
    expect((await row())!.deletedBy).toBe(f.u.tom);

    for (const check of [
      () => authorizeArticle(f.db, f.u.nadia, f.article.id, 'article:read'),
      () => authorizeArticleScope(f.db, f.u.nadia, f.article.id, 'article:read'),
      () => getArticleDoc(f.db, f.article.id),
      () => authorizeClaim(f.db, f.u.nadia, claim.id, 'article:read'),
      ...(source ? [() => authorizeSource(f.db, f.u.nadia, source.id, 'article:read')] : []),
      () => transaction(f.db, (tx) => lockArticleRow(tx, f.article.id)),
      () => findArticleForExport(f.db, f.article.id),
      () => findArticleForExport(f.db, before.slug),
    ]) {
      expect((await catchAppError(check)).code).toBe('not_found');
    }
    expect(await getArticleMembership(f.db, f.u.nadia, f.article.id)).toBeNull();
    expect((await getArticleRoles(f.db, f.article.id, [f.u.nadia])).size).toBe(0);
    expect((await listArticlesForUser(f.db, f.u.nadia)).map((a) => a.id)).not.toContain(f.article.id);

    const listed = await listTrash(f.db, f.u.nadia);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: f.article.id, title: before.title, deletedByName: 'Tom Becker', claimCount: f.claims.length });
    expect(new Date(listed[0]!.purgeAt).getTime() - new Date(listed[0]!.deletedAt).getTime()).toBe(TRASH_RETENTION_MS);
    // Reviewers and viewers cannot restore, so the trash shows them nothing; other workspaces neither.
    for (const user of [f.u.ana, f.u.vera, f.u.omar]) expect(await listTrash(f.db, user)).toEqual([]);

    const [entry] = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, f.article.id), eq(historyEntries.action, 'delete')));
    expect(entry).toMatchObject({ entityType: 'article', actorId: f.u.tom, before: { title: before.title, slug: before.slug, status: before.status } });
  });

  it('hides the trashed article from the queue, mentions and comment/assignment lookups', async () => {
    // A fresh claim: nobody has given a verdict on it yet, so it is in the assignee's queue.
    const claim = await createClaim(f.db, { articleId: f.article.id, revision: (await row())!.revision, start: 0, end: 12, actorId: f.u.tom });
    const { assignment } = await assign(f.db, { articleId: f.article.id, claimId: claim.id, assigneeId: f.u.ana, actorId: f.u.tom });
    const { comment } = await createComment(f.db, { claimId: claim.id, body: `Please check @[Ana Souza](${f.u.ana})`, actorId: f.u.tom });
    expect((await myQueue(f.db, f.u.ana)).claims.map((c) => c.claimId)).toContain(claim.id);
    expect((await listMentions(f.db, f.u.ana)).map((m) => m.commentId)).toContain(comment.id);
    await trash();
    expect((await myQueue(f.db, f.u.ana)).claims.map((c) => c.articleId)).not.toContain(f.article.id);
    expect((await listMentions(f.db, f.u.ana)).map((m) => m.commentId)).not.toContain(comment.id);
    expect((await catchAppError(() => getCommentScope(f.db, comment.id))).code).toBe('not_found');
    expect((await catchAppError(() => getAssignment(f.db, assignment.id))).code).toBe('not_found');
  });

  it('is for owners and editors only, and refuses a stale version', async () => {
    const { version } = (await row())!;
    for (const role of ['viewer', 'reviewer'] as const) {
      expect((await catchAppError(() => trashArticle(f.db, { articleId: f.article.id, version, role, actorId: f.u.ana }))).status).toBe(403);
    }
    const stale = await catchAppError(() => trashArticle(f.db, { articleId: f.article.id, version: version - 1 || 99, role: 'owner', actorId: f.u.nadia }));
    expect(stale.status).toBe(409);
    expect((await row())!.deletedAt).toBeNull();
    await trashArticle(f.db, { articleId: f.article.id, version, role: 'owner', actorId: f.u.nadia });
    // Trashing again: it is not found any more.
    expect((await catchAppError(() => trash())).code).toBe('not_found');
  });

  it('refuses a published article (reopen first) and a retracted one, writing nothing', async () => {
    const published = await publishedArticle();
    const error = await catchAppError(() => trash(published.id));
    expect(error.status).toBe(409);
    expect(error.message).toBe(TRASH_PUBLISHED_MESSAGE);
    expect(error.message).toMatch(/Reopen or unpublish it first/);
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'retracted' }).where(eq(articles.id, published.id)));
    const retracted = await catchAppError(() => trash(published.id));
    expect(retracted.status).toBe(409);
    expect(retracted.message).toMatch(/retracted/);
    expect((await row(published.id))!.deletedAt).toBeNull();
  });

  it('takes a reopened (once published) article out of the public pages and sitemap', async () => {
    const published = await publishedArticle();
    const [ws] = await f.db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, published.id));
    expect((await findPublicFactCheck(f.db, 'demo-desk', ws!.slug)).kind).toBe('found');
    // Reopened for correction: editable again, the public page still serves the last publication.
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'draft' }).where(eq(articles.id, published.id)));
    expect((await listPublicFactChecks(f.db, 'demo-desk'))!.entries.map((e) => e.articleId)).toContain(published.id);
    await trash(published.id);
    expect((await findPublicFactCheck(f.db, 'demo-desk', ws!.slug)).kind).toBe('not_found');
    expect((await listPublicFactChecks(f.db, 'demo-desk'))!.entries.map((e) => e.articleId)).not.toContain(published.id);
    await restoreArticle(f.db, { articleId: published.id, role: 'editor', actorId: f.u.tom });
    expect((await findPublicFactCheck(f.db, 'demo-desk', ws!.slug)).kind).toBe('found');
  });
});

describe('restoreArticle', () => {
  it('brings the article back as it was, with its claims and address, and records it', async () => {
    const before = (await row())!;
    await trash();
    const { article } = await restoreArticle(f.db, { articleId: f.article.id, role: 'editor', actorId: f.u.tom });
    expect(article).toMatchObject({ id: f.article.id, slug: before.slug, version: before.version + 2, deletedAt: null });
    const after = (await row())!;
    expect(after).toMatchObject({ deletedAt: null, deletedBy: null, slug: before.slug, title: before.title });
    expect((await authorizeArticle(f.db, f.u.vera, f.article.id, 'article:read')).article.id).toBe(f.article.id);
    expect(await countWhere(claims, f.article.id)).toBe(f.claims.length);
    expect(await listTrash(f.db, f.u.nadia)).toEqual([]);
    const entries = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, f.article.id)).orderBy(historyEntries.createdAt, historyEntries.id);
    expect(entries.at(-1)).toMatchObject({ action: 'update', actorId: f.u.tom, after: { deletedAt: null } });
    expect(typeof (entries.at(-1)!.before as { deletedAt: unknown }).deletedAt).toBe('string');
  });

  it('answers "not found" for an article that is not in the trash, and only editors/owners may restore', async () => {
    expect((await catchAppError(() => restoreArticle(f.db, { articleId: f.article.id, role: 'editor', actorId: f.u.tom }))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeTrashedArticle(f.db, f.u.tom, f.article.id, 'article:delete'))).code).toBe('not_found');
    await trash();
    expect(await authorizeTrashedArticle(f.db, f.u.tom, f.article.id, 'article:delete')).toMatchObject({ workspaceId: f.workspaceId, role: 'editor' });
    expect((await catchAppError(() => authorizeTrashedArticle(f.db, f.u.ana, f.article.id, 'article:delete'))).code).toBe('forbidden');
    expect((await catchAppError(() => authorizeTrashedArticle(f.db, f.u.omar, f.article.id, 'article:delete'))).code).toBe('not_found');
    expect((await catchAppError(() => restoreArticle(f.db, { articleId: f.article.id, role: 'reviewer', actorId: f.u.ana }))).code).toBe('forbidden');
  });

  it('keeps the slug reserved while trashed: a new article with the same title gets another address', async () => {
    const before = (await row())!;
    await trash();
    const fresh = await createArticle(f.db, { workspaceId: f.workspaceId, title: before.title, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Another text.', slug: before.slug, createdBy: f.u.tom });
    expect(fresh.slug).not.toBe(before.slug);
    const { article } = await restoreArticle(f.db, { articleId: f.article.id, role: 'owner', actorId: f.u.nadia });
    expect(article.slug).toBe(before.slug);
  });
});

describe('purgeExpiredTrash', () => {
  it('deletes for good what has been in the trash over 30 days, with everything that references it', async () => {
    const claimIds = f.claims.map((c) => c.id);
    const claim = f.claims[0]!;
    await assign(f.db, { articleId: f.article.id, claimId: null, assigneeId: f.u.ana, actorId: f.u.tom });
    await createComment(f.db, { claimId: claim.id, body: `Look @[Ana Souza](${f.u.ana})`, actorId: f.u.tom });
    let sourceId = (await f.db.select({ id: sources.id }).from(sources).where(inArray(sources.claimId, claimIds)).limit(1))[0]?.id;
    if (!sourceId) {
      sourceId = (await transaction(f.db, (tx) => tx.insert(sources).values({ claimId: claim.id, url: 'https://example.org/a', title: 'A', publisher: '', position: 0 }).returning({ id: sources.id })))[0]!.id;
    }
    await transaction(f.db, async (tx) => {
      await tx.insert(sourceArchives).values({ sourceId: sourceId!, requestedUrl: 'https://example.org/a', status: 'done' });
      await tx.insert(articleUpdates).values({ articleId: f.article.id, baseRevision: 1, url: 'https://example.org/story', fetchedAt: new Date(), docJson: { type: 'doc', content: [] }, plainText: '', metadata: { title: '', byline: '', outlet: '', publishedOn: null, language: null, canonicalUrl: null } });
    });
    // A once-published article (reopened), so publications must go too.
    const published = await publishedArticle();
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'draft' }).where(eq(articles.id, published.id)));
    expect(await countWhere(articlePublications, published.id)).toBeGreaterThan(0);

    const now = new Date();
    const longAgo = new Date(now.getTime() - TRASH_RETENTION_MS - 60_000);
    await trash(f.article.id, f.u.tom, longAgo);
    await trash(published.id, f.u.tom, longAgo);
    // Trashed yesterday: stays.
    const recent = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Recent', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Recent text.', createdBy: f.u.tom });
    await trash(recent.id, f.u.tom, new Date(now.getTime() - 24 * 3600_000));

    expect(await countWhere(claims, f.article.id)).toBeGreaterThan(0);
    const removed = await purgeExpiredTrash(f.db, now);
    expect(removed.sort()).toEqual([f.article.id, published.id].sort());
    for (const id of [f.article.id, published.id]) {
      expect(await row(id)).toBeUndefined();
      for (const table of [claims, assignments, articleRevisions, articlePublications, articleUpdates] as const) expect(await countWhere(table, id)).toBe(0);
      expect(await f.db.select().from(historyEntries).where(eq(historyEntries.articleId, id))).toEqual([]);
    }
    expect(await f.db.select().from(sources).where(inArray(sources.claimId, claimIds))).toEqual([]);
    expect(await f.db.select().from(sourceArchives).where(eq(sourceArchives.sourceId, sourceId))).toEqual([]);
    expect(await f.db.select().from(comments).where(inArray(comments.claimId, claimIds))).toEqual([]);
    expect(await f.db.select().from(claimVerdicts).where(inArray(claimVerdicts.claimId, claimIds))).toEqual([]);
    expect(await f.db.select().from(mentions).where(eq(mentions.userId, f.u.ana))).toEqual([]);
    expect((await row(recent.id))!.deletedAt).not.toBeNull();
    expect((await listTrash(f.db, f.u.tom)).map((a) => a.id)).toEqual([recent.id]);
    // Nothing more to do.
    expect(await purgeExpiredTrash(f.db, now)).toEqual([]);
  });

  it('is run when something is trashed', async () => {
    const now = new Date();
    await trash(f.article.id, f.u.tom, new Date(now.getTime() - TRASH_RETENTION_MS - 1000));
    const other = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Other', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Other text.', createdBy: f.u.tom });
    await trash(other.id, f.u.tom, now);
    expect(await row(f.article.id)).toBeUndefined();
    expect(await row(other.id)).toBeDefined();
  });
});
