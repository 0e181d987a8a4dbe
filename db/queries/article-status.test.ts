import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, historyEntries } from '../schema';
import { setArticleStatus, setBlindReview } from './article-status';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});


const current = async () => (await f.db.select().from(articles).where(eq(articles.id, f.article.id)).limit(1))[0]!;
const articleHistory = () => f.db.select().from(historyEntries).where(eq(historyEntries.entityId, f.article.id)).orderBy(historyEntries.createdAt, historyEntries.id);

describe('setArticleStatus', () => {
  it('moves an article along the workflow, bumping the version and recording history', async () => {
    const start = await current();
    expect(start.status).toBe('in_review');
    const ready = await setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: start.version, role: 'editor', actorId: f.u.tom });
    expect(ready).toMatchObject({ changed: true, article: { status: 'ready', version: start.version + 1, workspaceId: f.workspaceId } });
    const published = await setArticleStatus(f.db, { articleId: f.article.id, status: 'published', version: ready.article.version, role: 'owner', actorId: f.u.nadia });
    expect(published.article.status).toBe('published');
    const history = (await articleHistory()).filter((h) => h.action === 'update');
    expect(history.map((h) => [h.before, h.after])).toEqual([
      [{ status: 'in_review' }, { status: 'ready' }],
      [{ status: 'ready' }, { status: 'published' }],
    ]);
  });

  it('does not let a reviewer publish (403), whatever version they send', async () => {
    const ready = await setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: (await current()).version, role: 'editor', actorId: f.u.tom });
    for (const version of [ready.article.version, 1]) {
      const error = await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'published', version, role: 'reviewer', actorId: f.u.ana }));
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/reviewer/);
    }
    expect((await current()).status).toBe('ready');
  });

  it('refuses skipped steps with 422', async () => {
    await setArticleStatus(f.db, { articleId: f.article.id, status: 'draft', version: (await current()).version, role: 'editor', actorId: f.u.tom });
    const { version } = await current();
    const error = await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'published', version, role: 'owner', actorId: f.u.nadia }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/cannot go from draft to published/);
  });

  it('refuses a stale version with 409 and the current state', async () => {
    const stale = (await current()).version;
    await setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: stale, role: 'editor', actorId: f.u.tom });
    const error = await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'draft', version: stale, role: 'editor', actorId: f.u.tom }));
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ current: { id: f.article.id, workspaceId: f.workspaceId, status: 'ready', blindReview: false, version: stale + 1, revision: 1 } });
  });

  it('treats the same status as a no-op (still checking the version and the role)', async () => {
    const { version } = await current();
    expect(await setArticleStatus(f.db, { articleId: f.article.id, status: 'in_review', version, role: 'editor', actorId: f.u.tom })).toMatchObject({ changed: false, article: { version } });
    expect((await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'in_review', version, role: 'reviewer', actorId: f.u.ana }))).status).toBe(403);
    expect((await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'in_review', version: version + 5, role: 'editor', actorId: f.u.tom }))).status).toBe(409);
  });

  it('404s for an unknown article', async () => {
    expect((await catchAppError(() => setArticleStatus(f.db, { articleId: crypto.randomUUID(), status: 'ready', version: 1, role: 'owner', actorId: f.u.nadia }))).status).toBe(404);
  });
});

describe('setBlindReview', () => {
  it('lets editors turn blind review on and off, with version checks and history', async () => {
    const on = await setBlindReview(f.db, { articleId: f.article.id, blindReview: true, version: (await current()).version, role: 'editor', actorId: f.u.tom });
    expect(on).toMatchObject({ changed: true, article: { blindReview: true } });
    expect((await catchAppError(() => setBlindReview(f.db, { articleId: f.article.id, blindReview: false, version: on.article.version - 1, role: 'editor', actorId: f.u.tom }))).status).toBe(409);
    expect((await setBlindReview(f.db, { articleId: f.article.id, blindReview: true, version: on.article.version, role: 'owner', actorId: f.u.nadia })).changed).toBe(false);
    const last = (await articleHistory()).at(-1)!;
    expect(last).toMatchObject({ before: { blindReview: false }, after: { blindReview: true } });
  });

  it('refuses reviewers and viewers', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      const { version } = await current();
      expect((await catchAppError(() => setBlindReview(f.db, { articleId: f.article.id, blindReview: true, version, role, actorId: f.u.ana }))).status).toBe(403);
    }
    expect((await current()).blindReview).toBe(false);
  });
});
