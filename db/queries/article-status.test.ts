import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, historyEntries } from '../schema';
import { transaction } from '../transaction';
import { createArticle } from './articles';
import { setArticleStatus, setBlindReview, updateArticleSettings } from './article-status';
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
    const back = await setArticleStatus(f.db, { articleId: f.article.id, status: 'in_review', version: ready.article.version, role: 'owner', actorId: f.u.nadia });
    expect(back.article.status).toBe('in_review');
    const history = (await articleHistory()).filter((h) => h.action === 'update');
    expect(history.map((h) => [h.before, h.after])).toEqual([
      [{ status: 'in_review' }, { status: 'ready' }],
      [{ status: 'ready' }, { status: 'in_review' }],
    ]);
  });

  it('does not let a reviewer change the status (403), whatever version they send', async () => {
    const ready = await setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: (await current()).version, role: 'editor', actorId: f.u.tom });
    for (const version of [ready.article.version, 1]) {
      const error = await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'in_review', version, role: 'reviewer', actorId: f.u.ana }));
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/reviewer/);
    }
    expect((await current()).status).toBe('ready');
  });

  it('refuses skipped steps with 422', async () => {
    await setArticleStatus(f.db, { articleId: f.article.id, status: 'draft', version: (await current()).version, role: 'editor', actorId: f.u.tom });
    const { version } = await current();
    const error = await catchAppError(() => setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version, role: 'owner', actorId: f.u.nadia }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/cannot go from draft to ready/);
  });

  it('never publishes or retracts (422 naming the Publish dialog), from any status, nothing written', async () => {
    await setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: (await current()).version, role: 'editor', actorId: f.u.tom });
    for (const status of ['published', 'retracted'] as const) {
      const error = await catchAppError(async () => setArticleStatus(f.db, { articleId: f.article.id, status, version: (await current()).version, role: 'owner', actorId: f.u.nadia }));
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/Publish dialog/);
    }
    expect((await current()).status).toBe('ready');
    // A published article (an older one, from before publications were recorded) does not move either.
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'published' }).where(eq(articles.id, f.article.id)));
    const error = await catchAppError(async () => setArticleStatus(f.db, { articleId: f.article.id, status: 'ready', version: (await current()).version, role: 'owner', actorId: f.u.nadia }));
    expect([error.status, error.message]).toEqual([422, 'This article is published. To change it, use “Reopen for correction” in the Publish dialog.']);
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

describe('updateArticleSettings (slug)', () => {
  const settings = async (over: { slug?: string; blindReview?: boolean; role?: 'owner' | 'editor' | 'reviewer' | 'viewer'; version?: number }) =>
    updateArticleSettings(f.db, { articleId: f.article.id, version: over.version ?? (await current()).version, role: over.role ?? 'editor', actorId: f.u.tom, ...('slug' in over ? { slug: over.slug } : {}), ...('blindReview' in over ? { blindReview: over.blindReview } : {}) });

  it('changes the slug (editors), bumping the version and recording the old and new address', async () => {
    const before = await current();
    const result = await settings({ slug: 'new-address' });
    expect(result).toMatchObject({ changed: true, slug: 'new-address', fields: ['slug'], article: { version: before.version + 1 } });
    expect((await current()).slug).toBe('new-address');
    expect((await articleHistory()).at(-1)).toMatchObject({ before: { slug: before.slug }, after: { slug: 'new-address' } });
  });

  it('treats the same slug as a no-op and changes blind review and slug together', async () => {
    const { slug, version } = await current();
    expect(await settings({ slug })).toMatchObject({ changed: false, fields: [], slug, article: { version } });
    expect(await settings({ slug: 'both', blindReview: true })).toMatchObject({ changed: true, fields: ['blindReview', 'slug'], article: { blindReview: true, version: version + 1 } });
  });

  it('refuses an address another article of the workspace uses (409), but not one used in another workspace', async () => {
    const other = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Other', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Other text.', slug: 'taken', createdBy: f.u.tom });
    await createArticle(f.db, { workspaceId: f.otherWorkspaceId, title: 'Elsewhere', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Text.', slug: 'elsewhere', createdBy: f.u.omar });
    const error = await catchAppError(() => settings({ slug: other.slug }));
    expect([error.status, error.message]).toEqual([409, 'Another article in this workspace already uses that address.']);
    expect((await settings({ slug: 'elsewhere' })).slug).toBe('elsewhere');
  });

  it('is allowed on a published or retracted article', async () => {
    for (const status of ['published', 'retracted'] as const) {
      await transaction(f.db, (tx) => tx.update(articles).set({ status }).where(eq(articles.id, f.article.id)));
      expect((await settings({ slug: `renamed-${status}` })).slug).toBe(`renamed-${status}`);
    }
  });

  it('refuses reviewers and viewers (403) and a stale version (409)', async () => {
    for (const role of ['reviewer', 'viewer'] as const) expect((await catchAppError(() => settings({ slug: 'x', role }))).status).toBe(403);
    expect((await catchAppError(async () => settings({ slug: 'x', version: (await current()).version + 1 }))).status).toBe(409);
    expect((await current()).slug).not.toBe('x');
  });
});
