import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, memberships } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { getArticleTextCache } from '@/lib/server/article-text-cache';
import { authorizeArticle, authorizeArticleScope, getArticleDoc, getArticleMembership, getArticleRole, getArticleRoles } from './access';
import { createArticle, updateArticleText } from './articles';
import { createClaim } from './claims';

/** Narrow access (issue 11): authorisation never hands out the article's text or document. */

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('authorizeArticle', () => {
  it('answers the article without its text and document, and the role', async () => {
    const { article, role } = await authorizeArticle(f.db, f.u.tom, f.article.id, 'article:edit');
    expect(role).toBe('editor');
    expect(article).not.toHaveProperty('plainText');
    expect(article).not.toHaveProperty('docJson');
    expect(article).toMatchObject({ id: f.article.id, workspaceId: f.workspaceId, slug: f.article.slug, title: f.article.title, revision: f.article.revision, status: f.article.status, version: f.article.version, blindReview: f.article.blindReview });
    expect(article.createdAt).toBeInstanceOf(Date);
  });

  it('non-members and unknown articles get "not found", a role without the right "forbidden"', async () => {
    expect((await catchAppError(() => authorizeArticle(f.db, f.u.omar, f.article.id, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeArticle(f.db, f.u.tom, MISSING, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeArticle(f.db, f.u.vera, f.article.id, 'claim:create'))).code).toBe('forbidden');
    expect((await authorizeArticle(f.db, f.u.vera, f.article.id, 'article:read')).role).toBe('viewer');
  });

  it('follows membership changes at once', async () => {
    await transaction(f.db, async (tx) => {
      await tx.delete(memberships).where(eq(memberships.userId, f.u.kofi));
    });
    expect((await catchAppError(() => authorizeArticle(f.db, f.u.kofi, f.article.id, 'article:read'))).code).toBe('not_found');
  });
});

describe('getArticleRole', () => {
  it('answers the role, or null for non-members and unknown articles', async () => {
    expect(await getArticleRole(f.db, f.u.ana, f.article.id)).toBe('reviewer');
    expect(await getArticleRole(f.db, f.u.vera, f.article.id)).toBe('viewer');
    expect(await getArticleRole(f.db, f.u.omar, f.article.id)).toBeNull();
    expect(await getArticleRole(f.db, f.u.ana, MISSING)).toBeNull();
  });
});

describe('getArticleDoc', () => {
  it('reads the document and its revision; unknown → not found', async () => {
    const [row] = await f.db.select({ doc: articles.docJson, revision: articles.revision }).from(articles).where(eq(articles.id, f.article.id));
    expect(await getArticleDoc(f.db, f.article.id)).toEqual({ doc: row!.doc, revision: row!.revision });
    expect((await catchAppError(() => getArticleDoc(f.db, MISSING))).code).toBe('not_found');
  });
});

describe('createClaim with the per-revision text cache', () => {
  const TEXT = 'The minister said unemployment fell to 4 percent.\n\nExports 😀 doubled since 2019, the ministry claimed.';
  const newArticle = () => createArticle(f.db, { workspaceId: f.workspaceId, title: 'Cache', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });

  it('quotes the text of the revision it checked, before and after a text save', async () => {
    const article = await newArticle();
    const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const first = await createClaim(f.db, { articleId: article.id, revision: 1, ...at(TEXT, 'doubled since 2019'), actorId: f.u.tom });
    expect(first.quote.exact).toBe('doubled since 2019');
    // Code points, not UTF-16 units: the emoji before the quote counts once.
    expect(first.position.start).toBe(TEXT.indexOf('doubled') - 1);
    expect(getArticleTextCache().get(article.id, 1)?.text).toBe(TEXT);
    expect(first.authorName).toBe('Tom Becker');

    const edited = `A new first line.\n\n${TEXT}`;
    await updateArticleText(f.db, article.id, plainTextToDocJson(edited), 1, f.u.tom);
    // The old revision is refused; the new one is quoted from the new text (not the cached old one).
    expect((await catchAppError(() => createClaim(f.db, { articleId: article.id, revision: 1, ...at(edited, 'A new first line'), actorId: f.u.tom }))).code).toBe('conflict');
    const second = await createClaim(f.db, { articleId: article.id, revision: 2, ...at(edited, 'A new first line'), actorId: f.u.tom, actorName: 'Someone' });
    expect(second).toMatchObject({ quote: { exact: 'A new first line' }, position: { start: 0, end: 16 }, anchoredRevision: 2, authorName: 'Someone', sources: [] });
    expect(getArticleTextCache().get(article.id, 1)).toBeUndefined();
    expect(getArticleTextCache().get(article.id, 2)?.text).toBe(edited);
  });

  it('refuses half an emoji and ranges outside the text, with a cached text too', async () => {
    const article = await newArticle();
    const emoji = TEXT.indexOf('😀');
    await createClaim(f.db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: f.u.tom });
    expect((await catchAppError(() => createClaim(f.db, { articleId: article.id, revision: 1, start: emoji + 1, end: emoji + 10, actorId: f.u.tom }))).code).toBe('unprocessable');
    expect((await catchAppError(() => createClaim(f.db, { articleId: article.id, revision: 1, start: 0, end: TEXT.length + 1, actorId: f.u.tom }))).code).toBe('unprocessable');
    expect((await catchAppError(() => createClaim(f.db, { articleId: MISSING, revision: 1, start: 0, end: 3, actorId: f.u.tom }))).code).toBe('not_found');
  });
});

describe('authorizeArticleScope', () => {
  it('answers the scope and role, with the same refusals as authorizeArticle', async () => {
    expect(await authorizeArticleScope(f.db, f.u.ana, f.article.id, 'claim:create')).toEqual({ articleId: f.article.id, workspaceId: f.workspaceId, role: 'reviewer' });
    expect((await catchAppError(() => authorizeArticleScope(f.db, f.u.omar, f.article.id, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeArticleScope(f.db, f.u.ana, MISSING, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeArticleScope(f.db, f.u.vera, f.article.id, 'claim:create'))).code).toBe('forbidden');
    expect(await getArticleMembership(f.db, f.u.omar, f.article.id)).toEqual({ workspaceId: f.workspaceId, role: null });
    expect(await getArticleMembership(f.db, f.u.omar, MISSING)).toBeNull();
  });
});

describe('getArticleRoles', () => {
  it('answers the roles of several users in one query; non-members and unknown articles are absent', async () => {
    const roles = await getArticleRoles(f.db, f.article.id, [f.u.ana, f.u.vera, f.u.omar, f.u.nadia]);
    expect(Object.fromEntries(roles)).toEqual({ [f.u.ana]: 'reviewer', [f.u.vera]: 'viewer', [f.u.nadia]: 'owner' });
    expect((await getArticleRoles(f.db, MISSING, [f.u.ana])).size).toBe(0);
    expect((await getArticleRoles(f.db, f.article.id, [])).size).toBe(0);
  });
});
