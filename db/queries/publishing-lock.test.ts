import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { articles, claims, claimVerdicts, historyEntries, sources } from '../schema';
import { transaction } from '../transaction';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { articleLockMessage } from '@/lib/publishing/lock';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { assertArticleWritable, assertClaimWritable } from './article-lock';
import { createArticle, getArticle, updateArticleText } from './articles';
import { createClaim, deleteClaim, getClaim, listClaims, updateClaim } from './claims';
import { createComment, deleteComment, listComments, updateComment } from './comments';
import { addSource, deleteSource, updateSource } from './sources';
import { upsertMyVerdict } from './verdicts';

/**
 * Issue 10: a published or retracted article is read-only (text, claims incl. status, final verdict
 * and exclusion, reviewers' verdicts, sources) — every such write answers 409 with the lock message
 * and changes nothing; comments stay writable. Also: exclusion, the no-delete rule for published
 * claims, and the public flags of sources and comments.
 */

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said the figure ignores discouraged workers.';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
const SOURCE = { url: 'https://stats.example/unemployment', title: 'Labour survey', publisher: 'Statistics office', excerpt: '', accessedOn: null };

let f: ReviewFixture;
let articleId: string;
let claimId: string;
let sourceId: string;

beforeEach(async () => {
  f = await reviewFixture();
  const article = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Locked', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });
  articleId = article.id;
  claimId = (await createClaim(f.db, { articleId, revision: 1, ...at('unemployment fell to 4 percent'), actorId: f.u.tom })).id;
  sourceId = (await addSource(f.db, claimId, SOURCE, f.u.tom)).id;
});

/** The fixture sets the status directly (the publication route is tested on its own). */
const setStatus = (status: ArticleStatus) =>
  transaction(f.db, async (tx) => {
    await tx.update(articles).set({ status }).where(eq(articles.id, articleId));
  });

/** Everything the lock protects, to compare before and after the refused writes. */
async function snapshot() {
  const article = await getArticle(f.db, articleId);
  return {
    article: { plainText: article.plainText, revision: article.revision, version: article.version, claimCounter: article.claimCounter },
    claims: await f.db.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.number)),
    sources: await f.db.select().from(sources).where(eq(sources.claimId, claimId)).orderBy(asc(sources.position)),
    verdicts: await f.db.select().from(claimVerdicts).where(eq(claimVerdicts.claimId, claimId)),
    history: (await f.db.select({ id: historyEntries.id }).from(historyEntries).where(eq(historyEntries.articleId, articleId))).length,
  };
}

async function expectLocked(status: ArticleStatus, write: () => unknown) {
  const error = await catchAppError(write);
  expect(error.status).toBe(409);
  expect(error.message).toBe(articleLockMessage(status));
  expect(error.details).toEqual({ locked: true, status });
}

describe.each(['published', 'retracted'] as const)('a %s article', (status) => {
  it('refuses every write to text, claims, verdicts and sources with 409 and changes nothing', async () => {
    const claim = await getClaim(f.db, claimId);
    const before = await snapshot();
    await setStatus(status);

    await expectLocked(status, () => updateArticleText(f.db, articleId, plainTextToDocJson('Rewritten.'), 1, f.u.tom));
    await expectLocked(status, () => createClaim(f.db, { articleId, revision: 1, ...at('Critics said'), actorId: f.u.tom }));
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version, claimText: 'Changed' }, f.u.tom));
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version, status: 'resolved' }, f.u.tom));
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version, verdictId: f.level('false') }, f.u.tom));
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version, exclusionReason: 'Not checkable.' }, f.u.tom));
    // Even a no-change update and a stale one answer with the lock, not as a no-op or a version conflict.
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version }, f.u.tom));
    await expectLocked(status, () => updateClaim(f.db, claimId, { version: claim.version + 5, rationale: 'x' }, f.u.tom));
    await expectLocked(status, () => deleteClaim(f.db, claimId, claim.version, f.u.tom));
    await expectLocked(status, () => upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('true'), reason: 'Checked.' }));
    await expectLocked(status, () => addSource(f.db, claimId, { ...SOURCE, isPublic: true }, f.u.tom));
    await expectLocked(status, () => updateSource(f.db, sourceId, { ...SOURCE, title: 'Changed', isPublic: true, version: 1 }, f.u.tom));
    await expectLocked(status, () => deleteSource(f.db, sourceId, 1, f.u.tom));
    await expectLocked(status, () => transaction(f.db, (tx) => assertArticleWritable(tx, articleId)));
    await expectLocked(status, () => transaction(f.db, (tx) => assertClaimWritable(tx, claimId)));

    expect(await snapshot()).toEqual(before);
    expect((await getArticle(f.db, articleId)).status).toBe(status);
  });

  it('still takes comments: post, edit (text and public flag) and delete', async () => {
    await setStatus(status);
    const { comment } = await createComment(f.db, { claimId, body: 'Reader asked about the base year.', actorId: f.u.ana });
    const edited = await updateComment(f.db, comment.id, { body: 'Reader asked about the base year (2019).', isPublic: true, version: comment.version }, f.u.ana);
    expect(edited.comment).toMatchObject({ body: 'Reader asked about the base year (2019).', isPublic: true, version: 2 });
    await deleteComment(f.db, comment.id, 2, f.u.ana);
    expect((await listComments(f.db, claimId)).map((c) => c.deleted)).toEqual([true]);
  });
});

describe('writable states', () => {
  it.each(['draft', 'in_review', 'ready'] as const)('lets %s articles be changed', async (status) => {
    await setStatus(status);
    await transaction(f.db, (tx) => assertArticleWritable(tx, articleId));
    const claim = await updateClaim(f.db, claimId, { version: 1, claimText: 'Unemployment fell to 4%' }, f.u.tom);
    expect(claim.claimText).toBe('Unemployment fell to 4%');
  });

  it('answers 404 for an unknown article or claim', async () => {
    const unknown = crypto.randomUUID();
    expect((await catchAppError(() => transaction(f.db, (tx) => assertArticleWritable(tx, unknown)))).status).toBe(404);
    expect((await catchAppError(() => transaction(f.db, (tx) => assertClaimWritable(tx, unknown)))).status).toBe(404);
  });
});

describe('exclusion', () => {
  it('excludes a claim with a reason and includes it again, versioned and in the history', async () => {
    const excluded = await updateClaim(f.db, claimId, { version: 1, exclusionReason: 'Opinion, not a checkable claim.' }, f.u.tom);
    expect(excluded).toMatchObject({ exclusionReason: 'Opinion, not a checkable claim.', version: 2, number: 1 });
    const stale = await catchAppError(() => updateClaim(f.db, claimId, { version: 1, exclusionReason: null }, f.u.tom));
    expect(stale.status).toBe(409);
    const included = await updateClaim(f.db, claimId, { version: 2, exclusionReason: null }, f.u.tom);
    expect(included).toMatchObject({ exclusionReason: null, version: 3 });
    const history = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, claimId)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
    expect(history.filter((h) => h.action === 'update').map((h) => [h.before, h.after])).toEqual([
      [{ exclusionReason: null }, { exclusionReason: 'Opinion, not a checkable claim.' }],
      [{ exclusionReason: 'Opinion, not a checkable claim.' }, { exclusionReason: null }],
    ]);
  });
});

describe('deleting a published claim', () => {
  const markPublished = () =>
    transaction(f.db, async (tx) => {
      await tx.update(claims).set({ firstPublishedAt: new Date('2026-11-20T10:00:00Z') }).where(eq(claims.id, claimId));
    });

  it('is refused with 409 naming the claim, even once the article is reopened; excluding still works', async () => {
    await markPublished();
    await setStatus('in_review'); // reopened for correction
    const claim = await getClaim(f.db, claimId);
    expect(claim.firstPublishedAt).toBe('2026-11-20T10:00:00.000Z');
    const error = await catchAppError(() => deleteClaim(f.db, claimId, claim.version, f.u.tom));
    expect(error.status).toBe(409);
    expect(error.message).toBe('Claim 1 has been published, so it cannot be deleted. Exclude it from the fact-check instead.');
    expect(error.details).toEqual({ published: true, number: 1 });
    expect(await listClaims(f.db, articleId)).toHaveLength(1);
    expect((await getClaim(f.db, claimId)).sources).toHaveLength(1);
    expect((await updateClaim(f.db, claimId, { version: claim.version, exclusionReason: 'Withdrawn by the desk.' }, f.u.tom)).exclusionReason).toBe('Withdrawn by the desk.');
  });

  it('names the claim’s own number', async () => {
    const second = await createClaim(f.db, { articleId, revision: 1, ...at('Critics said'), actorId: f.u.tom });
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ firstPublishedAt: new Date() }).where(eq(claims.id, second.id));
    });
    expect((await catchAppError(() => deleteClaim(f.db, second.id, second.version, f.u.tom))).message).toMatch(/^Claim 2 has been published/);
    // A claim never published can still be deleted while the article is unpublished.
    await deleteClaim(f.db, claimId, 1, f.u.tom);
    expect((await listClaims(f.db, articleId)).map((c) => c.number)).toEqual([2]);
  });
});

describe('public flags', () => {
  it('adds sources as internal by default or public when asked; an update keeps the flag unless it is given', async () => {
    expect((await getClaim(f.db, claimId)).sources[0]!.isPublic).toBe(false);
    const pub = await addSource(f.db, claimId, { ...SOURCE, url: 'https://b.example', isPublic: true }, f.u.tom);
    expect(pub.isPublic).toBe(true);
    const kept = await updateSource(f.db, pub.id, { ...SOURCE, url: 'https://b.example', title: 'Renamed', version: 1 }, f.u.tom);
    expect(kept).toMatchObject({ title: 'Renamed', isPublic: true, version: 2 });
    const internal = await updateSource(f.db, pub.id, { ...SOURCE, url: 'https://b.example', title: 'Renamed', isPublic: false, version: 2 }, f.u.tom);
    expect(internal).toMatchObject({ isPublic: false, version: 3 });
    expect((await getClaim(f.db, claimId)).sources.map((s) => s.isPublic)).toEqual([false, false]);
  });

  it('posts comments as internal by default or public when asked; the author may flip the flag alone', async () => {
    const internal = (await createComment(f.db, { claimId, body: 'Internal note.', actorId: f.u.ana })).comment;
    expect(internal.isPublic).toBe(false);
    const pub = (await createComment(f.db, { claimId, body: 'Note for readers.', isPublic: true, actorId: f.u.ana })).comment;
    expect(pub.isPublic).toBe(true);
    const flipped = (await updateComment(f.db, internal.id, { isPublic: true, version: 1 }, f.u.ana)).comment;
    expect(flipped).toMatchObject({ body: 'Internal note.', isPublic: true, version: 2 });
    // Unchanged flag and text: a no-op, no new version.
    expect((await updateComment(f.db, internal.id, { isPublic: true, version: 2 }, f.u.ana)).comment.version).toBe(2);
    expect((await catchAppError(() => updateComment(f.db, internal.id, { isPublic: false, version: 2 }, f.u.kofi))).status).toBe(403);
    expect((await listComments(f.db, claimId)).map((c) => c.isPublic)).toEqual([true, true]);
    const history = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, internal.id)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
    expect(history.at(-1)).toMatchObject({ action: 'update', before: { isPublic: false }, after: { isPublic: true } });
  });
});
