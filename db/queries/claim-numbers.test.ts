import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, claims } from '../schema';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { createArticle, updateArticleText } from './articles';
import { createClaim, deleteClaim, getClaim, listClaims, updateClaim } from './claims';

/** Stable claim numbers (issue 10): handed out at creation, never reused, never changed. */

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said the figure ignores discouraged workers.\n\nExports doubled since 2019, the ministry claimed.';
const WORDS = TEXT.split(/\s+/).filter((w) => w.length > 1);

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const newArticle = (title = 'Numbers') =>
  createArticle(f.db, { workspaceId: f.workspaceId, title, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });

/** The span of the first occurrence of `quote` in TEXT. */
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

/** The article's number floor (claim_counter): raised only when the newest claim is deleted. */
const counterOf = async (articleId: string) => (await f.db.select({ n: articles.claimCounter }).from(articles).where(eq(articles.id, articleId)))[0]!.n;
/** What a creation writes to the article row (nothing: the number comes from the claims and the floor). */
const articleRowOf = async (articleId: string) => (await f.db.select({ version: articles.version, updatedAt: articles.updatedAt, counter: articles.claimCounter }).from(articles).where(eq(articles.id, articleId)))[0]!;

describe('claim numbers', () => {
  it('numbers claims 1, 2, 3 … in creation order, per article', async () => {
    const a = await newArticle('A');
    const b = await newArticle('B');
    const first = await createClaim(f.db, { articleId: a.id, revision: 1, ...at('Exports doubled'), actorId: f.u.tom });
    const second = await createClaim(f.db, { articleId: a.id, revision: 1, ...at('The minister'), actorId: f.u.tom });
    const other = await createClaim(f.db, { articleId: b.id, revision: 1, ...at('Critics said'), actorId: f.u.tom });
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({ exclusionReason: null, firstPublishedAt: null });
    // Creating claims leaves the article row alone (on SQLite a write there rewrites the whole text).
    expect(await counterOf(a.id)).toBe(0);
    // The list stays in text order; each claim keeps its own number.
    expect((await listClaims(f.db, a.id)).map((c) => c.number)).toEqual([2, 1]);
  });

  it('hands out 1..20 to 20 concurrent creations, without duplicates', async () => {
    const article = await newArticle();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const word = WORDS[i % WORDS.length]!;
        const start = TEXT.indexOf(word);
        return createClaim(f.db, { articleId: article.id, revision: 1, start, end: start + word.length, actorId: i % 2 ? f.u.ana : f.u.kofi });
      }),
    );
    const numbers = created.map((c) => c.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set((await listClaims(f.db, article.id)).map((c) => c.number)).size).toBe(20);
    expect((await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister'), actorId: f.u.tom })).number).toBe(21);
  });

  it('never reuses the number of a deleted claim', async () => {
    const article = await newArticle();
    const one = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister'), actorId: f.u.tom });
    const two = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Critics said'), actorId: f.u.tom });
    await deleteClaim(f.db, two.id, two.version, f.u.tom);
    const three = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Critics said'), actorId: f.u.tom });
    expect(three.number).toBe(3);
    await deleteClaim(f.db, three.id, three.version, f.u.tom);
    await deleteClaim(f.db, one.id, one.version, f.u.tom);
    expect((await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Exports doubled'), actorId: f.u.tom })).number).toBe(4);
  });

  it('raises the floor only when the newest claim is deleted, and never writes the article row on creation', async () => {
    const article = await newArticle();
    const before = await articleRowOf(article.id);
    const one = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister'), actorId: f.u.tom });
    const two = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Critics said'), actorId: f.u.tom });
    expect(await articleRowOf(article.id)).toEqual(before);
    // Not the newest: the floor stays (2 is still in use, so 1 cannot come back anyway).
    await deleteClaim(f.db, one.id, one.version, f.u.tom);
    expect(await counterOf(article.id)).toBe(0);
    // The newest: the floor remembers its number.
    await deleteClaim(f.db, two.id, two.version, f.u.tom);
    expect(await counterOf(article.id)).toBe(2);
    expect((await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Exports doubled'), actorId: f.u.tom })).number).toBe(3);
  });

  it('continues above a floor set by older data (a counter ahead of the claims)', async () => {
    const article = await newArticle();
    await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister'), actorId: f.u.tom });
    const { transaction } = await import('../transaction');
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ claimCounter: 7 }).where(eq(articles.id, article.id));
    });
    expect((await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Critics said'), actorId: f.u.tom })).number).toBe(8);
  });

  it('does not use up a number when the creation is refused', async () => {
    const article = await newArticle();
    expect((await catchAppError(() => createClaim(f.db, { articleId: article.id, revision: 9, ...at('The minister'), actorId: f.u.tom }))).code).toBe('conflict');
    expect((await catchAppError(() => createClaim(f.db, { articleId: article.id, revision: 1, start: 0, end: TEXT.length + 3, actorId: f.u.tom }))).code).toBe('unprocessable');
    expect(await counterOf(article.id)).toBe(0);
    expect((await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister'), actorId: f.u.tom })).number).toBe(1);
  });

  it('keeps the number through edits, re-anchoring, orphaning and reordering of the text', async () => {
    const article = await newArticle();
    const exports = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('Exports doubled since 2019'), actorId: f.u.tom });
    const minister = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('The minister said unemployment fell to 4 percent'), actorId: f.u.tom });
    const critics = await createClaim(f.db, { articleId: article.id, revision: 1, ...at('the figure ignores discouraged workers'), actorId: f.u.tom });
    expect([exports.number, minister.number, critics.number]).toEqual([1, 2, 3]);

    await updateClaim(f.db, minister.id, { version: minister.version, claimText: 'Unemployment fell to 4%', status: 'in_review', exclusionReason: 'Covered elsewhere.' }, f.u.tom);
    expect((await getClaim(f.db, minister.id)).number).toBe(2);

    // A paragraph is added on top, the minister's words change, the critics' go.
    const newText = 'Breaking news.\n\nThe minister said unemployment fell to four percent.\n\nExports doubled since 2019, the ministry claimed.';
    const saved = await updateArticleText(f.db, article.id, plainTextToDocJson(newText), 1, f.u.tom);
    expect(saved).toMatchObject({ anchored: 2, orphaned: 1 });
    const listed = await listClaims(f.db, article.id);
    expect(listed.map((c) => [c.id, c.number, c.anchorState])).toEqual([
      [minister.id, 2, 'anchored'],
      [exports.id, 1, 'anchored'],
      [critics.id, 3, 'orphaned'],
    ]);

    // A claim marked on words earlier in the text takes the next number and goes first in the list.
    const lead = await createClaim(f.db, { articleId: article.id, revision: 2, start: 0, end: 'Breaking news'.length, actorId: f.u.tom });
    expect(lead.number).toBe(4);
    expect((await listClaims(f.db, article.id)).map((c) => c.number)).toEqual([4, 2, 1, 3]);
    const stored = await f.db.select({ id: claims.id, number: claims.number }).from(claims).where(eq(claims.articleId, article.id));
    expect(new Map(stored.map((c) => [c.id, c.number]))).toEqual(
      new Map([
        [exports.id, 1],
        [minister.id, 2],
        [critics.id, 3],
        [lead.id, 4],
      ]),
    );
  });
});
