import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleUpdates, articles } from '../schema';
import { transaction } from '../transaction';
import { createArticle, getArticle, updateArticleText } from './articles';
import { createClaim, listClaims } from './claims';
import {
  acceptArticleUpdate,
  compareRevisions,
  dismissArticleUpdate,
  getArticleUpdateView,
  latestUpdateNote,
  listArticleUpdates,
  listRevisionSummaries,
  recordUpdateCheck,
} from './article-updates';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import type { ImportedArticle } from '@/lib/import/types';

const TEXT = 'The mayor said the bridge would cost 12 million dollars.\n\nCritics said the figure ignored upkeep.\n\nThe council votes on Friday.';
const URL_ = 'https://news.example/bridge';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const newArticle = async () => {
  const row = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Bridge', outlet: 'News', byline: '', url: URL_, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });
  return row;
};

const fetched = (text: string, title = 'Bridge'): ImportedArticle => {
  const doc = plainTextToDocJson(text);
  return { format: 'url', doc, text: jsonDocToText(doc), metadata: { title, byline: '', outlet: 'News', publishedOn: null, language: 'en', canonicalUrl: null }, warnings: [] };
};

const mark = (articleId: string, quote: string, revision = 1, text = TEXT) => {
  const start = text.indexOf(quote);
  return createClaim(f.db, { articleId, revision, start, end: start + quote.length, actorId: f.u.tom });
};

describe('story updates', () => {
  it('stores nothing when the page has the same text', async () => {
    const article = await newArticle();
    const result = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(TEXT), actorId: f.u.tom });
    expect(result).toMatchObject({ changed: false, revision: 1 });
    expect(await listArticleUpdates(f.db, article.id)).toEqual([]);
  });

  it('keeps a changed version pending, shows the diff and the claims it touches, dismisses older ones', async () => {
    const article = await newArticle();
    await mark(article.id, 'cost 12 million dollars');
    await mark(article.id, 'The council votes on Friday');
    const newText = TEXT.replace('12 million', '15 million').replace('\n\nThe council votes on Friday.', '');
    const first = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(TEXT.replace('Friday', 'Monday')), actorId: f.u.tom });
    const second = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(newText, 'Bridge costs rise'), actorId: f.u.tom });
    expect(first.changed && second.changed).toBe(true);
    if (!first.changed || !second.changed) return;
    expect(second.update).toMatchObject({ status: 'pending', baseRevision: 1, url: URL_ });
    const updates = await listArticleUpdates(f.db, article.id);
    expect(updates.map((u) => u.status)).toEqual(['pending', 'dismissed']);

    const view = await getArticleUpdateView(f.db, article.id, second.update.id);
    expect(view).toMatchObject({ revision: 1, revisionMoved: false, noteRequired: false });
    expect(view.diff.stats).toMatchObject({ changed: 1, removed: 1 });
    expect(view.impact.claims.map((c) => [c.number, c.kind])).toEqual([
      [expect.any(Number), 'edited'],
      [expect.any(Number), 'orphaned'],
    ]);
    expect(view.metadataChanges).toEqual([{ field: 'title', current: 'Bridge', fetched: 'Bridge costs rise' }]);
  });

  it('accepts through the text save: a new revision, claims re-anchored, the update marked', async () => {
    const article = await newArticle();
    await mark(article.id, 'cost 12 million dollars');
    const newText = TEXT.replace('12 million', '15 million');
    const check = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(newText), actorId: f.u.tom });
    if (!check.changed) throw new Error('expected a change');
    const { update, save } = await acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 1, actorId: f.u.tom });
    expect(update).toMatchObject({ status: 'accepted', acceptedRevision: 2 });
    expect(save.article.revision).toBe(2);
    const row = await getArticle(f.db, article.id);
    expect(row.plainText).toBe(newText);
    const [claim] = await listClaims(f.db, article.id);
    expect(claim).toMatchObject({ anchorState: 'anchored' });
    expect(claim!.quote.exact).toBe('cost 15 million dollars');
    // Decided: a second accept or a dismiss is refused.
    expect((await catchAppError(() => acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 2, actorId: f.u.tom }))).status).toBe(409);
    expect((await catchAppError(() => dismissArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, actorId: f.u.tom }))).status).toBe(409);
    // Compare revisions: the same change.
    const compared = await compareRevisions(f.db, article.id, 1, 2);
    expect(compared.diff.stats.changed).toBe(1);
    const revisions = await listRevisionSummaries(f.db, article.id);
    expect(revisions.map((r) => [r.revision, r.fromUpdate])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(revisions[0]!.inserted).toBeGreaterThan(0);
  });

  it('refuses a stale revision (409) and shows the diff against the newer text', async () => {
    const article = await newArticle();
    const check = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(TEXT.replace('Friday', 'Monday')), actorId: f.u.tom });
    if (!check.changed) throw new Error('expected a change');
    await updateArticleText(f.db, article.id, plainTextToDocJson(TEXT.replace('Critics', 'Residents')), 1, f.u.tom);
    const stale = await catchAppError(() => acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 1, actorId: f.u.tom }));
    expect(stale.status).toBe(409);
    const view = await getArticleUpdateView(f.db, article.id, check.update.id);
    expect(view).toMatchObject({ revision: 2, revisionMoved: true });
    expect((await getArticleUpdate(check.update.id)).status).toBe('pending');
    const { update } = await acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 2, actorId: f.u.tom });
    expect(update.acceptedRevision).toBe(3);
  });

  it('is refused on a published article, and needs a correction note once published before', async () => {
    const article = await newArticle();
    const check = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(TEXT.replace('Friday', 'Monday')), actorId: f.u.tom });
    if (!check.changed) throw new Error('expected a change');
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'published', firstPublishedAt: new Date() }).where(eq(articles.id, article.id)));
    const locked = await catchAppError(() => acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 1, note: 'x', actorId: f.u.tom }));
    expect(locked.status).toBe(409);
    expect(locked.details).toMatchObject({ locked: true });
    await transaction(f.db, (tx) => tx.update(articles).set({ status: 'in_review' }).where(eq(articles.id, article.id)));
    const noNote = await catchAppError(() => acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 1, note: '  ', actorId: f.u.tom }));
    expect(noNote.status).toBe(422);
    expect((await getArticleUpdateView(f.db, article.id, check.update.id)).noteRequired).toBe(true);
    await acceptArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, revision: 1, note: 'The vote moved to Monday.', actorId: f.u.tom });
    expect(await latestUpdateNote(f.db, article.id)).toMatchObject({ note: 'The vote moved to Monday.' });
  });

  it('dismisses, and never shows another article’s update', async () => {
    const article = await newArticle();
    const check = await recordUpdateCheck(f.db, { articleId: article.id, url: URL_, fetched: fetched(TEXT + ' More.'), actorId: f.u.tom });
    if (!check.changed) throw new Error('expected a change');
    expect((await catchAppError(() => getArticleUpdateView(f.db, f.article.id, check.update.id))).status).toBe(404);
    expect((await catchAppError(() => dismissArticleUpdate(f.db, { articleId: f.article.id, updateId: check.update.id, actorId: f.u.tom }))).status).toBe(404);
    const dismissed = await dismissArticleUpdate(f.db, { articleId: article.id, updateId: check.update.id, actorId: f.u.tom });
    expect(dismissed.status).toBe('dismissed');
    expect((await catchAppError(() => compareRevisions(f.db, article.id, 1, 5))).status).toBe(404);
  });
});

async function getArticleUpdate(id: string) {
  const [row] = await f.db.select({ status: articleUpdates.status }).from(articleUpdates).where(eq(articleUpdates.id, id));
  return row!;
}
