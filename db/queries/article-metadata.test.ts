import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { articles, historyEntries } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { listArticleHistory, readArticleDetails, updateArticleMetadata } from './article-metadata';
import { trashArticle } from './article-trash';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const row = async (id = f.article.id) => (await f.db.select().from(articles).where(eq(articles.id, id)).limit(1))[0]!;

describe('updateArticleMetadata', () => {
  it('changes the fields sent, bumps the version, keeps the slug, and records only what changed', async () => {
    const before = await row();
    const result = await updateArticleMetadata(f.db, { articleId: f.article.id, version: before.version, patch: { title: 'A new title', outlet: before.outlet, publishedOn: '2024-02-29' }, role: 'editor', actorId: f.u.tom });
    expect(result.changed).toBe(true);
    expect(result.fields).toEqual(['title', 'publishedOn']);
    expect(result.article).toMatchObject({ title: 'A new title', outlet: before.outlet, publishedOn: '2024-02-29', slug: before.slug, version: before.version + 1, byline: before.byline });
    const after = await row();
    expect(after).toMatchObject({ title: 'A new title', slug: before.slug, version: before.version + 1, revision: before.revision });
    const [entry] = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, f.article.id), eq(historyEntries.action, 'update'))).orderBy(historyEntries.createdAt);
    expect(entry).toMatchObject({ actorId: f.u.tom, before: { title: before.title, publishedOn: before.publishedOn }, after: { title: 'A new title', publishedOn: '2024-02-29' } });
    const history = await listArticleHistory(f.db, f.article.id);
    expect(history[0]!.summary).toBe(`Tom Becker changed the title from “${before.title}” to “A new title” and changed the publication date from “${before.publishedOn}” to “2024-02-29”`);
  });

  it('clears the URL and date with null, and a no-op writes nothing', async () => {
    const before = await row();
    await updateArticleMetadata(f.db, { articleId: f.article.id, version: before.version, patch: { url: 'https://example.org/x', byline: 'Jane Doe' }, role: 'owner', actorId: f.u.nadia });
    const mid = await row();
    const cleared = await updateArticleMetadata(f.db, { articleId: f.article.id, version: mid.version, patch: { url: null, publishedOn: null }, role: 'owner', actorId: f.u.nadia });
    expect(cleared.article).toMatchObject({ url: null, publishedOn: null, byline: 'Jane Doe' });
    const same = await updateArticleMetadata(f.db, { articleId: f.article.id, version: cleared.article.version, patch: { byline: 'Jane Doe' }, role: 'owner', actorId: f.u.nadia });
    expect(same).toMatchObject({ changed: false, fields: [] });
    expect((await row()).version).toBe(cleared.article.version);
  });

  it('is for editors and owners, refuses a stale version with the current details', async () => {
    const { version } = await row();
    for (const role of ['viewer', 'reviewer'] as const) {
      expect((await catchAppError(() => updateArticleMetadata(f.db, { articleId: f.article.id, version, patch: { title: 'X' }, role, actorId: f.u.ana }))).status).toBe(403);
    }
    const stale = await catchAppError(() => updateArticleMetadata(f.db, { articleId: f.article.id, version: version + 5, patch: { title: 'X' }, role: 'editor', actorId: f.u.tom }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: { version: number; title: string } }).current).toMatchObject({ version, title: f.article.title });
    expect((await row()).title).toBe(f.article.title);
  });

  it('is refused while published or retracted (the lock message), and for a trashed article (404)', async () => {
    const [published] = await f.db.select().from(articles).where(and(eq(articles.workspaceId, f.workspaceId), eq(articles.status, 'published'))).limit(1);
    const locked = await catchAppError(() => updateArticleMetadata(f.db, { articleId: published!.id, version: published!.version, patch: { title: 'X' }, role: 'owner', actorId: f.u.nadia }));
    expect(locked.status).toBe(409);
    expect(locked.message).toMatch(/published, so it is read-only/);
    expect(locked.details).toMatchObject({ locked: true, status: 'published' });
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'retracted' }).where(eq(articles.id, published!.id)));
    expect((await catchAppError(() => updateArticleMetadata(f.db, { articleId: published!.id, version: published!.version, patch: { title: 'X' }, role: 'owner', actorId: f.u.nadia }))).message).toMatch(/retracted/);

    const { version } = await row();
    await trashArticle(f.db, { articleId: f.article.id, version, role: 'editor', actorId: f.u.tom });
    expect((await catchAppError(() => updateArticleMetadata(f.db, { articleId: f.article.id, version: version + 1, patch: { title: 'X' }, role: 'editor', actorId: f.u.tom }))).code).toBe('not_found');
    expect((await catchAppError(() => readArticleDetails(f.db, f.article.id))).code).toBe('not_found');
  });

  it('lists the article history newest first, with trash and restore in words', async () => {
    const { version } = await row();
    await updateArticleMetadata(f.db, { articleId: f.article.id, version, patch: { outlet: 'New Outlet' }, role: 'editor', actorId: f.u.tom });
    const history = await listArticleHistory(f.db, f.article.id);
    expect(history[0]).toMatchObject({ action: 'update', actorName: 'Tom Becker', changes: [{ field: 'outlet', label: 'Outlet', after: 'New Outlet' }] });
    expect(history.at(-1)!.summary).toMatch(/created the article/);
  });
});
