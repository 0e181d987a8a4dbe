import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { transaction } from '../transaction';
import { articlePublications, articles, claims, comments, historyEntries, replyAttempts, sources } from '../schema';
import type { ReportViewModel } from '@/lib/export/view-model';
import type { Role } from '@/lib/domain/roles';
import { createArticle } from './articles';
import { setArticleStatus } from './article-status';
import { buildPublicationPreview, getPublicationState, listPublicationLog, publishArticle, reopenArticle, retractArticle } from './publications';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

const APP = 'http://localhost:3000';
const TEXT = 'The minister said unemployment fell to 4 percent last year. She added that exports grew 12 percent. Inflation is under control.';

let f: ReviewFixture;
let articleId: string;
let claimIds: Record<1 | 2 | 3, string>;

/**
 * An article of our own (the demo seed's articles may change): ready, three claims.
 * 1: final verdict, public and internal sources, comments and replies. 2: no final verdict.
 * 3: orphaned (its words are gone from the text), with a verdict. Everything internal says SECRET.
 */
beforeEach(async () => {
  f = await reviewFixture();
  const article = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Budget speech', outlet: 'Daily', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, slug: 'budget-speech', status: 'ready', createdBy: f.u.tom });
  articleId = article.id;
  claimIds = await transaction(f.db, async (tx) => {
    const insertClaim = async (number: number, quote: string, over: Partial<typeof claims.$inferInsert>) => {
      const start = Math.max(0, article.plainText.indexOf(quote));
      const [row] = await tx
        .insert(claims)
        .values({ workspaceId: f.workspaceId, articleId, number, quoteExact: quote, positionStart: start, positionEnd: start + quote.length, anchoredRevision: article.revision, originalQuote: quote, claimText: quote, authorId: f.u.ana, ...over })
        .returning({ id: claims.id });
      return row!.id;
    };
    const one = await insertClaim(1, 'unemployment fell to 4 percent', { verdictId: f.level('false'), rationale: 'The statistics office says 8.2 percent.', claimant: 'The minister' });
    const two = await insertClaim(2, 'exports grew 12 percent', {});
    const three = await insertClaim(3, 'a sentence that was deleted', { verdictId: f.level('true'), anchorState: 'orphaned' });
    await tx.update(articles).set({ claimCounter: 3 }).where(eq(articles.id, articleId));
    await tx.insert(sources).values([
      { claimId: one, url: 'https://stats.example.org/labour', title: 'Labour force survey', publisher: 'Statistics office', isPublic: true },
      { claimId: one, url: 'https://SECRET.example/tip', title: 'SECRET tip from a ministry insider', publisher: 'SECRET', isPublic: false, position: 1 },
    ]);
    await tx.insert(comments).values([
      { claimId: one, authorId: f.u.ana, body: 'We asked the ministry for its source.', isPublic: true },
      { claimId: one, authorId: f.u.kofi, body: 'SECRET: the insider says the figure is made up', isPublic: false },
    ]);
    await tx.insert(replyAttempts).values([
      { workspaceId: f.workspaceId, claimId: one, contactedOn: '2024-03-03', method: 'email', contact: 'press.SECRET@ministry.example', response: 'No comment.', respondedOn: '2024-03-04', showPublicly: true, createdBy: f.u.ana },
      { workspaceId: f.workspaceId, claimId: one, contactedOn: '2024-03-05', method: 'phone', contact: 'SECRET mobile of the adviser', response: 'SECRET off the record', showPublicly: false, createdBy: f.u.ana },
    ]);
    return { 1: one, 2: two, 3: three } as Record<1 | 2 | 3, string>;
  });
});

const article = async () => (await f.db.select().from(articles).where(eq(articles.id, articleId)).limit(1))[0]!;
const log = () => f.db.select().from(articlePublications).where(eq(articlePublications.articleId, articleId)).orderBy(articlePublications.sequence);
const claimRow = async (n: 1 | 2 | 3) => (await f.db.select().from(claims).where(eq(claims.id, claimIds[n])).limit(1))[0]!;
const step = (role: Role, actorId: string) => async () => ({ articleId, version: (await article()).version, role, actorId, appUrl: APP });
const asOwner = step('owner', '');
const asEditor = step('editor', '');

async function resolveBlockers() {
  await transaction(f.db, async (tx) => {
    await tx.update(claims).set({ verdictId: f.level('mostly-true') }).where(eq(claims.id, claimIds[2]));
    await tx.update(claims).set({ exclusionReason: 'Orphaned after the text was edited; not part of this fact-check.' }).where(eq(claims.id, claimIds[3]));
  });
}

async function publishClean(note?: string) {
  return publishArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, correctionNote: note });
}

async function backToReady() {
  await setArticleStatus(f.db, { articleId, status: 'ready', version: (await article()).version, role: 'editor', actorId: f.u.tom });
}

describe('getPublicationState', () => {
  it('lists what blocks publishing, by claim number, and the public URL', async () => {
    const state = await getPublicationState(f.db, articleId, APP);
    expect(state).toMatchObject({ articleId, status: 'ready', everPublished: false, firstPublishedAt: null, publicUrl: `${APP}/fact-checks/demo-desk/budget-speech`, log: [] });
    expect(state.blockers.map((b) => [b.kind, b.claimNumber, b.claimId])).toEqual([
      ['no_final_verdict', 2, claimIds[2]],
      ['orphaned', 3, claimIds[3]],
    ]);
    expect(state.blockers[0]!.message).toBe('Claim 2 has no final verdict.');
  });

  it('does not tell a reviewer under blind review which claims lack a final verdict', async () => {
    await transaction(f.db, (tx) => tx.update(articles).set({ blindReview: true }).where(eq(articles.id, articleId)));
    expect((await getPublicationState(f.db, articleId, APP, { viewer: { role: 'reviewer' } })).blockers.map((b) => b.kind)).toEqual(['orphaned']);
    expect((await getPublicationState(f.db, articleId, APP, { viewer: { role: 'editor' } })).blockers.map((b) => b.kind)).toEqual(['no_final_verdict', 'orphaned']);
  });

  it('404s for an unknown article', async () => {
    expect((await catchAppError(() => getPublicationState(f.db, crypto.randomUUID(), APP))).status).toBe(404);
  });
});

describe('publishArticle', () => {
  it('is blocked (409 with the blockers) while claims lack a final verdict or are orphaned, and nothing is written', async () => {
    for (const [role, actorId] of [
      ['editor', f.u.tom],
      ['owner', f.u.nadia],
    ] as const) {
      const error = await catchAppError(async () => publishArticle(f.db, { ...(await step(role, actorId)()) }));
      expect(error.status).toBe(409);
      expect(error.message).toBe('This fact-check cannot be published yet: Claim 2 has no final verdict. (and 1 more)');
      expect((error.details as { blockers: Array<{ kind: string }> }).blockers.map((b) => b.kind)).toEqual(['no_final_verdict', 'orphaned']);
    }
    expect((await article()).status).toBe('ready');
    expect(await log()).toEqual([]);
  });

  it('lets an owner override with a reason, recorded with the blockers; an editor’s override is refused (403)', async () => {
    const editor = await catchAppError(async () => publishArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, overrideReason: 'Deadline' }));
    expect(editor.status).toBe(403);
    expect(editor.message).toMatch(/Only an owner can publish despite/);
    expect((await article()).status).toBe('ready');

    const before = await article();
    const result = await publishArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, overrideReason: '  Breaking news; claim 2 is being checked.  ' });
    expect(result.article).toMatchObject({ status: 'published', version: before.version + 1 });
    expect(result.entry).toMatchObject({ sequence: 1, kind: 'published', note: '', overrideReason: 'Breaking news; claim 2 is being checked.', actorId: f.u.nadia, actorName: 'Nadia Rahimi' });
    expect(result.entry.overriddenBlockers.map((b) => [b.kind, b.claimNumber])).toEqual([
      ['no_final_verdict', 2],
      ['orphaned', 3],
    ]);
    expect(result.publication).toMatchObject({ status: 'published', everPublished: true, log: [result.entry] });
    const [row] = await log();
    expect(row).toMatchObject({ kind: 'published', overrideReason: 'Breaking news; claim 2 is being checked.', workspaceSlug: 'demo-desk', articleSlug: 'budget-speech' });
    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, articleId), eq(historyEntries.action, 'update')));
    expect(history.at(-1)).toMatchObject({ entityType: 'article', actorId: f.u.nadia, before: { status: 'ready' }, after: { status: 'published', publication: 'published', overrideReason: 'Breaking news; claim 2 is being checked.' } });
  });

  it('publishes a clean article: stores a public snapshot without anything internal, and stamps the claims', async () => {
    await resolveBlockers();
    const { publication } = await publishClean();
    const current = await article();
    expect(current.status).toBe('published');
    expect(current.firstPublishedAt).toBeInstanceOf(Date);
    expect(publication.firstPublishedAt).toBe(current.firstPublishedAt!.toISOString());
    expect((await claimRow(1)).firstPublishedAt?.getTime()).toBe(current.firstPublishedAt!.getTime());
    expect((await claimRow(2)).firstPublishedAt).not.toBeNull();
    expect((await claimRow(3)).firstPublishedAt).toBeNull(); // excluded: never published

    const [row] = await log();
    const snapshot = row!.snapshot as ReportViewModel;
    expect(snapshot.audience).toBe('public');
    expect(snapshot.article.status).toBe('published');
    expect(snapshot.claims.map((c) => c.number)).toEqual([1, 2]);
    expect(snapshot.claims[0]!.sources.map((s) => s.title)).toEqual(['Labour force survey']);
    expect(snapshot.claims[0]!.comments.map((c) => [c.body, c.author?.name, c.author?.email])).toEqual([['We asked the ministry for its source.', 'Ana Souza', '']]);
    expect(snapshot.claims[0]!.replies).toMatchObject([{ method: 'email', contact: '', response: 'No comment.' }]);
    expect(snapshot.publication).toEqual({ firstPublishedAt: publication.firstPublishedAt, lastPublishedAt: publication.firstPublishedAt, corrections: [], retraction: null });
    const json = JSON.stringify(snapshot);
    expect(json).not.toMatch(/SECRET/);
    expect(json).not.toContain('@claimdesk.demo');
    expect(json).not.toContain('Orphaned after the text was edited');
  });

  it('refuses to publish what is already published (409), a draft (409) and a stale version (409)', async () => {
    await resolveBlockers();
    const stale = (await article()).version - 1;
    const staleError = await catchAppError(() => publishArticle(f.db, { articleId, version: stale, role: 'editor', actorId: f.u.tom, appUrl: APP }));
    expect([staleError.status, staleError.message]).toEqual([409, 'Someone else changed this article since you opened it.']);
    await publishClean();
    const again = await catchAppError(() => publishClean());
    expect([again.status, again.message]).toEqual([409, 'This fact-check is already published. To change it, reopen it for correction first.']);
    expect((again.details as { current: { status: string } }).current.status).toBe('published');

    const draft = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Draft', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Some text.', status: 'draft', createdBy: f.u.tom });
    const error = await catchAppError(() => publishArticle(f.db, { articleId: draft.id, version: draft.version, role: 'owner', actorId: f.u.nadia, appUrl: APP }));
    expect([error.status, error.message]).toEqual([409, 'Only an article that is ready can be published; this one is draft. Mark it ready first.']);
  });

  it('refuses reviewers and viewers (403), and a correction note on a first publication (422)', async () => {
    await resolveBlockers();
    for (const role of ['reviewer', 'viewer'] as const) expect((await catchAppError(async () => publishArticle(f.db, { ...(await step(role, f.u.ana)()) }))).status).toBe(403);
    expect((await catchAppError(() => publishClean('Nothing to correct'))).status).toBe(422);
    expect(await log()).toEqual([]);
  });

  it('blocks an article without included claims', async () => {
    await transaction(f.db, (tx) => tx.update(claims).set({ exclusionReason: 'Opinion' }).where(eq(claims.articleId, articleId)));
    const error = await catchAppError(async () => publishArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia }));
    expect(error.status).toBe(409);
    expect((error.details as { blockers: Array<{ kind: string }> }).blockers.map((b) => b.kind)).toEqual(['no_claims']);
  });

  it('lets exactly one of two concurrent publishes through; the other gets 409', async () => {
    await resolveBlockers();
    const input = { ...(await asEditor()), actorId: f.u.tom };
    const results = await Promise.allSettled([publishArticle(f.db, input), publishArticle(f.db, { ...input, role: 'owner', actorId: f.u.nadia })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected!.reason).toMatchObject({ status: 409 });
    expect((await log()).map((r) => [r.sequence, r.kind])).toEqual([[1, 'published']]);
    expect((await article()).version).toBe(input.version + 1);
  });

  it('stores exactly what the preview showed', async () => {
    await resolveBlockers();
    const now = new Date('2024-05-01T10:00:00.000Z');
    const preview = await buildPublicationPreview(f.db, articleId, { appUrl: APP, now });
    await publishArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, now });
    expect((await log())[0]!.snapshot).toEqual(preview);
    expect(preview.publication?.firstPublishedAt).toBe('2024-05-01T10:00:00.000Z');
  });
});

describe('reopen, correct, republish', () => {
  it('reopens for correction (editors), keeps the last publication public, and republishes with a correction note', async () => {
    await resolveBlockers();
    const first = await publishClean();
    const firstPublishedAt = first.publication.firstPublishedAt;

    expect((await catchAppError(async () => reopenArticle(f.db, { ...(await step('reviewer', f.u.ana)()), reason: 'Typo' }))).status).toBe(403);
    const reopened = await reopenArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, reason: '  The rate was revised.  ' });
    expect(reopened.article.status).toBe('in_review');
    expect(reopened.entry).toMatchObject({ sequence: 2, kind: 'reopened', note: 'The rate was revised.', actorName: 'Tom Becker' });
    expect(reopened.publication).toMatchObject({ status: 'in_review', everPublished: true, firstPublishedAt });
    // The latest publication that carries a snapshot is still the first one.
    const rows = await log();
    expect(rows.map((r) => [r.kind, r.snapshot === null])).toEqual([
      ['published', false],
      ['reopened', true],
    ]);
    expect((await catchAppError(async () => reopenArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, reason: 'Again' }))).message).toBe('Only a published fact-check can be reopened for correction; this one is in review.');

    await transaction(f.db, (tx) => tx.update(claims).set({ rationale: 'The statistics office revised it to 8.4 percent.' }).where(eq(claims.id, claimIds[1])));
    await backToReady();
    const noNote = await catchAppError(() => publishClean());
    expect([noNote.status, noNote.message]).toEqual([422, 'This fact-check was published before, so republishing it needs a correction note: what changed, for readers.']);
    const corrected = await publishClean('Corrected the unemployment rate to 8.4 percent.');
    expect(corrected.entry).toMatchObject({ sequence: 3, kind: 'corrected', note: 'Corrected the unemployment rate to 8.4 percent.' });
    expect(corrected.publication.firstPublishedAt).toBe(firstPublishedAt);

    const snapshot = (await log())[2]!.snapshot as ReportViewModel;
    expect(snapshot.claims[0]!.rationale).toBe('The statistics office revised it to 8.4 percent.');
    expect(snapshot.publication).toMatchObject({ firstPublishedAt, lastPublishedAt: corrected.entry.createdAt, corrections: [{ at: corrected.entry.createdAt, note: 'Corrected the unemployment rate to 8.4 percent.' }], retraction: null });

    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, articleId), eq(historyEntries.action, 'update'))).orderBy(historyEntries.createdAt);
    expect(history.map((h) => (h.after as { publication?: string }).publication).filter(Boolean)).toEqual(['published', 'reopened', 'corrected']);
    expect((await listPublicationLog(f.db, articleId)).map((e) => e.kind)).toEqual(['published', 'reopened', 'corrected']);
  });

  it('refuses to reopen a draft or an article that was never published (409) and a stale version (409)', async () => {
    expect((await catchAppError(async () => reopenArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, reason: 'x' }))).message).toBe('Only a published fact-check can be reopened for correction; this one is ready.');
    await resolveBlockers();
    await publishClean();
    const stale = await catchAppError(async () => reopenArticle(f.db, { ...(await asEditor()), version: 1, actorId: f.u.tom, reason: 'x' }));
    expect([stale.status, stale.message]).toEqual([409, 'Someone else changed this article since you opened it.']);
    expect((await catchAppError(async () => reopenArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, reason: '  ' }))).status).toBe(422);
  });
});

describe('retractArticle', () => {
  it('is for owners only, and only for an article that was published', async () => {
    expect((await catchAppError(async () => retractArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'x' }))).message).toBe('This article has never been published, so there is nothing to retract.');
    await resolveBlockers();
    await publishClean();
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const error = await catchAppError(async () => retractArticle(f.db, { ...(await step(role, f.u.tom)()), reason: 'x' }));
      expect(error.status).toBe(403);
    }
    const retracted = await retractArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'The ministry data was fabricated.' });
    expect(retracted.article.status).toBe('retracted');
    expect(retracted.entry).toMatchObject({ kind: 'retracted', note: 'The ministry data was fabricated.', sequence: 2 });
    expect(retracted.publication.status).toBe('retracted');
  });

  it('is final: no second retraction, no reopening, no publishing', async () => {
    await resolveBlockers();
    await publishClean();
    await retractArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'Withdrawn.' });
    expect((await catchAppError(async () => retractArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'Again' }))).message).toBe('This fact-check is already retracted.');
    expect((await catchAppError(async () => reopenArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'x' }))).message).toBe('This fact-check was retracted, so it cannot be reopened.');
    expect((await catchAppError(async () => publishArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, correctionNote: 'x' }))).message).toBe('This fact-check was retracted, so it cannot be published again.');
    expect((await catchAppError(async () => setArticleStatus(f.db, { articleId, status: 'in_review', version: (await article()).version, role: 'owner', actorId: f.u.nadia }))).status).toBe(422);
  });

  it('retracts an article reopened after publication', async () => {
    await resolveBlockers();
    await publishClean();
    await reopenArticle(f.db, { ...(await asEditor()), actorId: f.u.tom, reason: 'Checking a figure' });
    const result = await retractArticle(f.db, { ...(await asOwner()), actorId: f.u.nadia, reason: 'Withdrawn after review.' });
    expect(result.article.status).toBe('retracted');
    expect((await log()).map((r) => r.kind)).toEqual(['published', 'reopened', 'retracted']);
    const history = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityId, articleId), eq(historyEntries.action, 'update')));
    expect(history.at(-1)).toMatchObject({ before: { status: 'in_review' }, after: { status: 'retracted', publication: 'retracted', reason: 'Withdrawn after review.' } });
  });

  it('refuses a stale version (409)', async () => {
    await resolveBlockers();
    await publishClean();
    expect((await catchAppError(async () => retractArticle(f.db, { ...(await asOwner()), version: 1, actorId: f.u.nadia, reason: 'x' }))).status).toBe(409);
  });
});
