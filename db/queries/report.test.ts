import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type Db } from '../client';
import { articles, claimVerdicts, comments, ratingLevels, users, workspaces } from '../schema';
import { DEMO_CLAIMS } from '../seed/demo-claims';
import { seedDemo } from '../seed/demo';
import { createArticle, getArticle, updateArticleText } from './articles';
import { createClaim, updateClaim } from './claims';
import { createComment, deleteComment, updateComment } from './comments';
import { AmbiguousArticleError, buildReportViewModel, findArticleForExport } from './report';
import { getScale } from './scales';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { AppError } from '@/lib/errors';
import { renderClaimReviews } from '@/lib/export/claimreview';
import { renderReport } from '@/lib/export';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { renderW3cAnnotations } from '@/lib/export/w3c';
import { loadW3cSuite, runW3cSuite } from '@/test/fixtures/w3c-suite';

const APP_URL = 'http://claimdesk.test';
const NOW = new Date('2026-12-01T12:00:00Z');

let db: Db;
let demoId: string;

function userId(email: string): string {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

function demoReport() {
  return buildReportViewModel(db, demoId, { appUrl: `${APP_URL}/`, now: NOW });
}

beforeAll(async () => {
  db = createTestDb();
  await seedDemo(db);
  demoId = findArticleForExport(db, 'demo').id;
});

describe('buildReportViewModel on the seeded demo article', () => {
  it('describes the article, workspace and scale', () => {
    const vm = demoReport();
    expect(vm.article).toMatchObject({ id: demoId, slug: 'demo', title: 'Khamenei Says U.S. Created ISIS And Iran Defeated It', canonicalUrl: `${APP_URL}/articles/${demoId}` });
    expect(vm.article.text).toBe(getArticle(db, demoId).plainText);
    expect(vm.workspace.organizationName).toBe('Claimdesk Demo Desk');
    expect(vm.scale).toMatchObject({ name: 'Claimdesk standard', bestRating: 5, worstRating: 0 });
    expect(vm.scale.levels.map((l) => l.key)).toEqual(['true', 'mostly-true', 'half-true', 'misleading', 'mostly-false', 'false', 'unproven', 'not-checkable']);
    expect(vm.appUrl).toBe(APP_URL);
    expect(vm.generatedAt).toBe(NOW.toISOString());
  });

  it('numbers the 7 claims in text order, with UTF-16 ranges that hold their quotes', () => {
    const vm = demoReport();
    expect(vm.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const starts = vm.claims.map((c) => c.start ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const claim of vm.claims) {
      expect(claim.orphaned).toBe(false);
      expect(vm.article.text.slice(claim.start!, claim.end!)).toBe(claim.quote.exact);
    }
  });

  it('maps final verdicts, leaves the unrated claim pending, and keeps sources in order', () => {
    const vm = demoReport();
    for (const demo of DEMO_CLAIMS) {
      const claim = vm.claims.find((c) => c.quote.exact === demo.quote);
      expect(claim, demo.quote).toBeDefined();
      expect(claim?.finalVerdict?.key ?? null).toBe(demo.verdict);
      expect(claim?.sources.map((s) => s.url)).toEqual(demo.sources.map((s) => s.url));
      expect(claim?.author?.email).toBe(demo.author);
    }
    const pending = vm.claims.filter((c) => c.finalVerdict === null);
    expect(pending).toHaveLength(1);
    expect(pending[0]?.quote.exact).toMatch(/^Syria, where a civil war has been raging/);
    expect(vm.claims.find((c) => c.finalVerdict?.key === 'false')?.finalVerdict).toEqual({ key: 'false', label: 'False', color: '#c62828', value: 0 });
  });

  it('includes history, reviewer verdicts and comments; a deleted comment only as “deleted by X at T”', () => {
    const first = demoReport().claims[0]!;
    const ana = userId('ana@claimdesk.demo');
    const kofi = userId('kofi@claimdesk.demo');
    const falseLevel = getScale(db, getArticle(db, demoId).workspaceId).levels.find((l) => l.key === 'false')!.id;
    db.insert(claimVerdicts).values({ claimId: first.id, userId: kofi, verdictId: falseLevel, reason: 'No evidence of creation.' }).run();
    db.insert(comments).values({ claimId: first.id, authorId: ana, body: 'Agreed.' }).run();
    db.insert(comments).values({ claimId: first.id, authorId: ana, body: 'Withdrawn remark', deletedAt: new Date() }).run();

    const claim = demoReport().claims[0]!;
    expect(claim.reviewers).toEqual([expect.objectContaining({ reviewer: expect.objectContaining({ name: 'Kofi Mensah' }), verdict: expect.objectContaining({ key: 'false' }), reason: 'No evidence of creation.' })]);
    expect(claim.comments.map((c) => c.body)).toEqual(['Agreed.', '']);
    expect(claim.comments[0]).toMatchObject({ author: { name: 'Ana Souza' }, deleted: null });
    // No audit row for this hand-inserted deletion: the row's own deletedAt is the time.
    expect(claim.comments[1]!.deleted).toEqual({ by: null, at: expect.any(String) });
    expect(JSON.stringify(claim)).not.toContain('Withdrawn remark');
    expect(claim.history.map((h) => `${h.entityType}:${h.action}`).slice(0, 2)).toEqual(['claim:create', 'claim:update']);
    expect(claim.history.every((h) => h.actor !== null)).toBe(true);
  });

  it('renders W3C annotations that pass every MUST assertion of the W3C test suite', () => {
    const vm = demoReport();
    const collection = renderW3cAnnotations(vm);
    expect(collection.first.items).toHaveLength(7);
    for (const assertions of [loadW3cSuite('annotations/annotationMusts.test'), loadW3cSuite('annotations/annotationMusts.test', { ignoreKeywordsWithRef: true })]) {
      for (const annotation of collection.first.items) {
        expect(runW3cSuite(assertions, annotation).filter((r) => r.outcome === 'fail'), annotation.id).toEqual([]);
      }
    }
  });

  it('renders one ClaimReview per claim with a final verdict, with Google’s required fields', () => {
    const reviews = renderClaimReviews(demoReport());
    expect(reviews).toHaveLength(6);
    for (const review of reviews) {
      expect(review.url).toMatch(/^https:\/\/claimdesk\.example\/fact-checks\/demo#claim-[1-7]$/);
      expect(review.claimReviewed.trim()).not.toBe('');
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Claimdesk Demo Desk', url: 'https://claimdesk.example/' });
      expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: expect.any(String) });
      expect(review.itemReviewed).toMatchObject({ '@type': 'Claim' });
    }
  });

  it('runs a fixed number of queries however many claims there are', () => {
    const countQueries = (articleId: string) => {
      const prepare = vi.spyOn(db.$client, 'prepare');
      buildReportViewModel(db, articleId, { appUrl: APP_URL });
      const n = prepare.mock.calls.length;
      prepare.mockRestore();
      return n;
    };
    const workspaceId = getArticle(db, demoId).workspaceId;
    const tom = userId('tom@claimdesk.demo');
    const small = createArticle(db, { workspaceId, title: 'One claim', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Just one sentence here.', createdBy: tom });
    const claim = createClaim(db, { articleId: small.id, revision: small.revision, start: 0, end: 4, actorId: tom });
    const trueLevel = getScale(db, workspaceId).levels.find((l) => l.key === 'true')!.id;
    updateClaim(db, claim.id, { version: claim.version, verdictId: trueLevel }, tom);
    const forSeven = countQueries(demoId);
    expect(forSeven).toBe(countQueries(small.id));
    expect(forSeven).toBeLessThanOrEqual(12);
  });
});

describe('an orphaned claim', () => {
  it('has no range, keeps its quote and is numbered last', () => {
    const before = demoReport();
    const target = before.claims.find((c) => c.quote.exact.startsWith('If Soleimani were not present'))!;
    const article = getArticle(db, demoId);
    const edited = article.plainText.replace(target.quote.exact, '');
    expect(edited).not.toBe(article.plainText);
    const result = updateArticleText(db, demoId, plainTextToDocJson(edited), article.revision, userId('tom@claimdesk.demo'));
    expect(result.orphaned).toBe(1);

    const vm = demoReport();
    const orphan = vm.claims.find((c) => c.id === target.id)!;
    expect(orphan).toMatchObject({ start: null, end: null, orphaned: true, number: 7, quote: target.quote });
    expect(orphan.finalVerdict?.key).toBe('not-checkable');
    for (const claim of vm.claims.filter((c) => !c.orphaned)) expect(vm.article.text.slice(claim.start!, claim.end!)).toBe(claim.quote.exact);
  });
});

describe('findArticleForExport', () => {
  it('finds an article by id or by slug', () => {
    expect(findArticleForExport(db, demoId)).toMatchObject({ id: demoId, slug: 'demo' });
    expect(findArticleForExport(db, ' demo ')).toMatchObject({ id: demoId });
  });

  it('reports an unknown article as not found', () => {
    expect(() => findArticleForExport(db, 'no-such-article')).toThrow(AppError);
    expect(() => findArticleForExport(db, 'no-such-article')).toThrow('No article has the id or slug "no-such-article".');
  });

  it('refuses a slug used in several workspaces and lists the candidates', () => {
    const other = db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'other-desk')).get()!;
    const copy = createArticle(db, { workspaceId: other.id, slug: 'demo', title: 'Another demo', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Text.', createdBy: null });
    let error: unknown;
    try {
      findArticleForExport(db, 'demo');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousArticleError);
    const ambiguous = error as AmbiguousArticleError;
    expect(ambiguous.candidates.map((c) => c.id).sort()).toEqual([demoId, copy.id].sort());
    expect(ambiguous.message).toContain(demoId);
    expect(ambiguous.message).toContain(copy.id);
    expect(ambiguous.message).toContain('by its id');
    expect(findArticleForExport(db, copy.id).title).toBe('Another demo');
  });
});

describe('reports under blind review and with deleted comments', () => {
  it('a reviewer who has not voted exports no final verdict, rationale, status or decision history; editors get all', async () => {
    const local = createTestDb();
    await seedDemo(local);
    const articleId = findArticleForExport(local, 'demo').id;
    const id = (email: string) => local.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
    const full = buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: { userId: id('tom@claimdesk.demo'), role: 'editor' } });
    const decided = full.claims.find((c) => c.status === 'resolved' && c.rationale.trim() !== '')!;
    local.update(articles).set({ blindReview: true }).where(eq(articles.id, articleId)).run();

    const ana = { userId: id('ana@claimdesk.demo'), role: 'reviewer' as const };
    const blind = buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: ana });
    expect(blind.claims.every((c) => c.decisionHidden && c.finalVerdict === null && c.rationale === '' && c.status === null)).toBe(true);
    const json = JSON.stringify(blind);
    expect(json).not.toContain(decided.rationale);
    expect(json).not.toContain('"resolved"');
    expect(blind.claims.flatMap((c) => c.history).filter((h) => h.entityType === 'claim').every((h) => !JSON.stringify([h.before, h.after]).match(/verdictId|rationale|"status"/))).toBe(true);
    for (const format of ['html', 'md', 'csv'] as const) {
      const rendered = await renderReport(blind, format);
      const body = typeof rendered.body === 'string' ? rendered.body : '';
      expect(body, format).toContain(HIDDEN_UNTIL_VERDICT);
      expect(body, format).not.toContain(decided.rationale.slice(0, 40));
      expect(body, format).not.toMatch(/Resolved/);
    }

    // After voting on one claim, that claim's decision is back in Ana's export; the others stay hidden.
    local.insert(claimVerdicts).values({ claimId: decided.id, userId: ana.userId, verdictId: local.select().from(ratingLevels).get()!.id, reason: '' }).run();
    const afterVote = buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: ana });
    expect(afterVote.claims.find((c) => c.id === decided.id)).toMatchObject({ decisionHidden: false, status: 'resolved', rationale: decided.rationale });
    expect(afterVote.claims.filter((c) => c.decisionHidden)).toHaveLength(full.claims.length - 1);
    // Editors are never blind.
    expect(buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: { userId: id('tom@claimdesk.demo'), role: 'editor' } }).claims.some((c) => c.decisionHidden)).toBe(false);
  });

  it('a comment deleted through the app appears as deleted by its author at the time, with no text in comments or history', async () => {
    const local = createTestDb();
    await seedDemo(local);
    const articleId = findArticleForExport(local, 'demo').id;
    const anaId = local.select({ id: users.id }).from(users).where(eq(users.email, 'ana@claimdesk.demo')).get()!.id;
    const claimId = buildReportViewModel(local, articleId, { appUrl: APP_URL }).claims[0]!.id;
    const { comment } = createComment(local, { claimId, body: 'Off the record: my source is the cousin', actorId: anaId });
    updateComment(local, comment.id, { body: 'Off the record: my source is the cousin, edited', version: 1 }, anaId);
    deleteComment(local, comment.id, 2, anaId);

    const vm = buildReportViewModel(local, articleId, { appUrl: APP_URL });
    const exported = vm.claims[0]!.comments.find((c) => c.id === comment.id)!;
    expect(exported).toMatchObject({ body: '', deleted: { by: { name: 'Ana Souza' }, at: expect.any(String) } });
    expect(vm.claims[0]!.history.filter((h) => h.entityId === comment.id).map((h) => h.action)).toEqual(['create', 'update', 'delete']);
    const json = (await renderReport(vm, 'json')).body;
    expect(json).not.toContain('cousin');
  });
});
