import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { dialectOf, sqliteConnection, type Db } from '../client';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { articlePublications, articles, claims, claimVerdicts, comments, ratingLevels, replyAttempts, sources, users, workspaces } from '../schema';
import { DEFAULT_RATING_LEVELS } from '@/lib/verdicts/default-scale';
import { DEMO_CLAIMS } from '../seed/demo-claims';
import { seedDemo } from '../seed/demo';
import { createArticle, getArticle, updateArticleText } from './articles';
import { createClaim, updateClaim } from './claims';
import { createComment, deleteComment, updateComment } from './comments';
import { AmbiguousArticleError, buildReportViewModel, buildReportViewModelInTx, findArticleForExport, publicationOf } from './report';
import { getScale } from './scales';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { AppError } from '@/lib/errors';
import { renderClaimReviews } from '@/lib/export/claimreview';
import { renderReport } from '@/lib/export';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { renderW3cAnnotations } from '@/lib/export/w3c';
import { loadW3cSuite, runW3cSuite } from '@/test/fixtures/w3c-suite';
import { partsColumns } from '@/lib/claims/parts';
import type { ClaimPart } from '@/lib/domain/claims';
import { renderHtmlReport } from '@/lib/export/html';

const APP_URL = 'http://claimdesk.test';
const NOW = new Date('2026-12-01T12:00:00Z');

let db: Db;
let demoId: string;

async function userId(email: string): Promise<string> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]!.id;
}

function demoReport() {
  return buildReportViewModel(db, demoId, { appUrl: `${APP_URL}/`, now: NOW });
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db);
  demoId = (await findArticleForExport(db, 'demo')).id;
});

describe('buildReportViewModel on the seeded demo article', () => {
  it('describes the article, workspace and scale', async () => {
    const vm = await demoReport();
    expect(vm.article).toMatchObject({ id: demoId, slug: 'demo', title: 'Khamenei Says U.S. Created ISIS And Iran Defeated It', canonicalUrl: `${APP_URL}/articles/${demoId}` });
    expect(vm.article.text).toBe((await getArticle(db, demoId)).plainText);
    expect(vm.workspace.organizationName).toBe('Claimdesk Demo Desk');
    expect(vm.workspace.slug).toBe('demo-desk');
    expect(vm.audience).toBe('internal');
    expect(vm.publication).toBeNull();
    expect(vm.scale).toMatchObject({ name: 'Claimdesk standard', bestRating: 5, worstRating: 0 });
    expect(vm.scale.levels.map((l) => l.key)).toEqual(['true', 'mostly-true', 'half-true', 'misleading', 'mostly-false', 'false', 'unproven', 'not-checkable']);
    expect(vm.appUrl).toBe(APP_URL);
    expect(vm.generatedAt).toBe(NOW.toISOString());
  });

  it('lists the 7 claims in text order with their stable numbers, and UTF-16 ranges that hold their quotes', async () => {
    const vm = await demoReport();
    // The seed creates the claims in its own order: numbers follow creation, the list follows the text.
    expect([...vm.claims.map((c) => c.number)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const stored = await db.select({ id: claims.id, number: claims.number }).from(claims).where(eq(claims.articleId, demoId));
    for (const claim of vm.claims) expect(claim.number).toBe(stored.find((row) => row.id === claim.id)?.number);
    for (const [index, demo] of DEMO_CLAIMS.entries()) expect(vm.claims.find((c) => c.quote.exact === demo.quote)?.number).toBe(index + 1);
    const starts = vm.claims.map((c) => c.start ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const claim of vm.claims) {
      expect(claim.orphaned).toBe(false);
      expect(vm.article.text.slice(claim.start!, claim.end!)).toBe(claim.quote.exact);
    }
  });

  it('maps final verdicts, leaves the unrated claim pending, and keeps sources in order', async () => {
    const vm = await demoReport();
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
    expect(vm.claims.find((c) => c.finalVerdict?.key === 'false')?.finalVerdict).toEqual({ key: 'false', label: 'False', color: DEFAULT_RATING_LEVELS.find((l) => l.key === 'false')!.color, value: 0 });
  });

  it('includes history, reviewer verdicts and comments; a deleted comment only as “deleted by X at T”', async () => {
    const first = (await demoReport()).claims[0]!;
    const ana = await userId('ana@claimdesk.demo');
    const kofi = await userId('kofi@claimdesk.demo');
    const falseLevel = (await getScale(db, (await getArticle(db, demoId)).workspaceId)).levels.find((l) => l.key === 'false')!.id;
    await transaction(db, async (tx) => {
      await tx.insert(claimVerdicts).values({ claimId: first.id, userId: kofi, verdictId: falseLevel, reason: 'No evidence of creation.' });
      await tx.insert(comments).values({ claimId: first.id, authorId: ana, body: 'Agreed.' });
      await tx.insert(comments).values({ claimId: first.id, authorId: ana, body: 'Withdrawn remark', deletedAt: new Date() });
    });

    const claim = (await demoReport()).claims[0]!;
    expect(claim.reviewers).toEqual([expect.objectContaining({ reviewer: expect.objectContaining({ name: 'Kofi Mensah' }), verdict: expect.objectContaining({ key: 'false' }), reason: 'No evidence of creation.' })]);
    expect(claim.comments.map((c) => c.body)).toEqual(['Agreed.', '']);
    expect(claim.comments[0]).toMatchObject({ author: { name: 'Ana Souza' }, deleted: null });
    // No audit row for this hand-inserted deletion: the row's own deletedAt is the time.
    expect(claim.comments[1]!.deleted).toEqual({ by: null, at: expect.any(String) });
    expect(JSON.stringify(claim)).not.toContain('Withdrawn remark');
    expect(claim.history.map((h) => `${h.entityType}:${h.action}`).slice(0, 2)).toEqual(['claim:create', 'claim:update']);
    expect(claim.history.every((h) => h.actor !== null)).toBe(true);
  });

  it('renders W3C annotations that pass every MUST assertion of the W3C test suite', async () => {
    const vm = await demoReport();
    const collection = renderW3cAnnotations(vm);
    expect(collection.first.items).toHaveLength(7);
    for (const assertions of [loadW3cSuite('annotations/annotationMusts.test'), loadW3cSuite('annotations/annotationMusts.test', { ignoreKeywordsWithRef: true })]) {
      for (const annotation of collection.first.items) {
        expect(runW3cSuite(assertions, annotation).filter((r) => r.outcome === 'fail'), annotation.id).toEqual([]);
      }
    }
  });

  it('renders one ClaimReview per claim with a final verdict, with Google’s required fields', async () => {
    const vm = await demoReport();
    const reviews = renderClaimReviews(vm);
    expect(reviews).toHaveLength(6);
    // The desk's own URL pattern when it has one, else Claimdesk's public claim page; either way the stable number.
    const pattern = vm.workspace.factCheckUrlPattern;
    const urlOf = (n: number) => (pattern ? pattern.replaceAll('{article}', 'demo').replaceAll('{claim}', String(n)) : `${APP_URL}/fact-checks/demo-desk/demo/claims/${n}`);
    expect(reviews.map((r) => r.url)).toEqual(vm.claims.filter((c) => c.finalVerdict !== null).map((c) => urlOf(c.number)));
    for (const review of reviews) {
      // The demo article is not published: its markup can only be a draft.
      expect(review.creativeWorkStatus).toBe('Draft');
      expect(review).not.toHaveProperty('datePublished');
      expect(review.claimReviewed.trim()).not.toBe('');
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Claimdesk Demo Desk', url: 'https://claimdesk.example/' });
      expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: expect.any(String) });
      expect(review.itemReviewed).toMatchObject({ '@type': 'Claim' });
    }
  });

  it('runs a fixed number of queries however many claims there are', async () => {
    const countQueries = async (articleId: string) => {
      const statements = await recordStatements(db, () => buildReportViewModel(db, articleId, { appUrl: APP_URL }));
      // BEGIN/COMMIT (and PostgreSQL's isolation level) are the transaction's, not the report's queries.
      return statements.filter((text) => !/^\s*(begin|commit|rollback|set transaction)\b/i.test(text)).length;
    };
    const workspaceId = (await getArticle(db, demoId)).workspaceId;
    const tom = await userId('tom@claimdesk.demo');
    const small = await createArticle(db, { workspaceId, title: 'One claim', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Just one sentence here.', createdBy: tom });
    const claim = await createClaim(db, { articleId: small.id, revision: small.revision, start: 0, end: 4, actorId: tom });
    const trueLevel = (await getScale(db, workspaceId)).levels.find((l) => l.key === 'true')!.id;
    await updateClaim(db, claim.id, { version: claim.version, verdictId: trueLevel }, tom);
    const forSeven = await countQueries(demoId);
    expect(forSeven).toBe(await countQueries(small.id));
    // Replies, public flags and publication rows do not add queries per claim either.
    await transaction(db, async (tx) => {
      await tx.insert(replyAttempts).values({ workspaceId, claimId: claim.id, contactedOn: '2024-01-02', method: 'email', contact: 'x' });
      await tx.insert(articlePublications).values({ workspaceId, articleId: small.id, sequence: 1, kind: 'published', workspaceSlug: 'demo-desk', articleSlug: small.slug, createdAt: new Date('2024-01-03T00:00:00Z') });
    });
    expect(await countQueries(small.id)).toBe(forSeven);
    expect(forSeven).toBeLessThanOrEqual(13);
  });

  it('selects related rows through the article, not a list of claim ids, and keeps other articles\' rows out', async () => {
    const statementsOf = async (articleId: string) => (await recordStatements(db, () => buildReportViewModel(db, articleId, { appUrl: APP_URL }))).filter((text) => !/^\s*(begin|commit|rollback|set transaction|savepoint|release)\b/i.test(text));
    const workspaceId = (await getArticle(db, demoId)).workspaceId;
    const tom = await userId('tom@claimdesk.demo');
    const other = await createArticle(db, { workspaceId, title: 'Elsewhere', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Another sentence stands here.', createdBy: tom });
    const claim = await createClaim(db, { articleId: other.id, revision: other.revision, start: 0, end: 7, actorId: tom });
    await transaction(db, (tx) => tx.insert(sources).values({ claimId: claim.id, url: 'https://example.org/elsewhere', title: 'Only for the other article' }));
    // The same SQL for the related rows whatever the number of claims (7 vs 1): no id list grows with the article.
    const related = (statements: string[]) => statements.filter((text) => /from\s+["`]?(sources|claim_verdicts|reply_attempts|comments|history_entries)\b/i.test(text));
    const forOther = related(await statementsOf(other.id));
    expect(forOther).toHaveLength(5);
    expect(forOther).toEqual(related(await statementsOf(demoId)));
    const demo = await demoReport();
    expect(demo.claims.flatMap((c) => c.sources).some((s) => s.url === 'https://example.org/elsewhere')).toBe(false);
    expect(demo.claims.flatMap((c) => c.history).some((h) => h.entityId === claim.id)).toBe(false);
    const elsewhere = await buildReportViewModel(db, other.id, { appUrl: APP_URL });
    expect(elsewhere.claims.map((c) => c.sources.map((s) => s.url))).toEqual([['https://example.org/elsewhere']]);
    expect(elsewhere.claims[0]!.history.length).toBeGreaterThan(0);
    expect(elsewhere.claims[0]!.history.every((h) => h.entityId === claim.id || h.entityType !== 'claim')).toBe(true);
  });

  it('builds a report of more claims than one slice (250) in text order, each with its own related rows', async () => {
    const workspaceId = (await getArticle(db, demoId)).workspaceId;
    const tom = await userId('tom@claimdesk.demo');
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const text = words.join(' ');
    const article = await createArticle(db, { workspaceId, title: 'Many claims', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: tom });
    // 600 one-word claims, inserted in reverse text order so the report has to sort them.
    const rows = words.map((word, i) => {
      const start = text.indexOf(`${word} `) >= 0 && i < words.length - 1 ? text.indexOf(`${word} `) : text.lastIndexOf(word);
      return { id: `many-${i}`, workspaceId, articleId: article.id, quoteExact: word, quotePrefix: text.slice(Math.max(0, start - 32), start), quoteSuffix: text.slice(start + word.length, start + word.length + 32), positionStart: start, positionEnd: start + word.length, anchoredRevision: article.revision, originalQuote: word, claimText: word, number: words.length - i, authorId: tom };
    });
    await transaction(db, async (tx) => {
      for (let i = rows.length; i > 0; i -= 100) await tx.insert(claims).values(rows.slice(Math.max(0, i - 100), i).reverse());
      for (let i = 0; i < rows.length; i += 100) await tx.insert(sources).values(rows.slice(i, i + 100).map((r) => ({ claimId: r.id, url: `https://example.org/${r.id}` })));
    });
    const vm = await buildReportViewModel(db, article.id, { appUrl: APP_URL });
    expect(vm.claims.map((c) => c.id)).toEqual(rows.map((r) => r.id));
    expect(vm.claims.map((c) => c.number)).toEqual(rows.map((r) => r.number));
    for (const claim of vm.claims) {
      expect(claim.orphaned).toBe(false);
      expect(text.slice(claim.start!, claim.end!)).toBe(claim.quote.exact);
      expect(claim.sources.map((s) => s.url)).toEqual([`https://example.org/${claim.id}`]);
    }
  });
});

describe('an orphaned claim', () => {
  it('has no range, keeps its quote and its number, and is listed last', async () => {
    const before = await demoReport();
    const target = before.claims.find((c) => c.quote.exact.startsWith('If Soleimani were not present'))!;
    const article = await getArticle(db, demoId);
    const edited = article.plainText.replace(target.quote.exact, '');
    expect(edited).not.toBe(article.plainText);
    const result = await updateArticleText(db, demoId, plainTextToDocJson(edited), article.revision, await userId('tom@claimdesk.demo'));
    expect(result.orphaned).toBe(1);

    const vm = await demoReport();
    const orphan = vm.claims.find((c) => c.id === target.id)!;
    expect(orphan).toMatchObject({ start: null, end: null, orphaned: true, number: target.number, quote: target.quote });
    expect(vm.claims.at(-1)?.id).toBe(target.id);
    expect(orphan.finalVerdict?.key).toBe('not-checkable');
    for (const claim of vm.claims.filter((c) => !c.orphaned)) expect(vm.article.text.slice(claim.start!, claim.end!)).toBe(claim.quote.exact);
  });
});

describe('multi-part claims and quoted passages', () => {
  const TEXT = 'Alpha said the rate fell.\n\nLater, Beta added that exports rose sharply.';
  const part = (exact: string, anchorState: ClaimPart['anchorState'] = 'anchored', at = TEXT.indexOf(exact)): ClaimPart => ({
    quote: { exact, prefix: TEXT.slice(Math.max(0, at - 8), at), suffix: TEXT.slice(at + exact.length, at + exact.length + 8) },
    position: { start: at, end: at + exact.length },
    anchorState,
  });

  it('gives each part its range, marks parts gone (stored or no longer found), and reads passage context', async () => {
    const local = await createTestDb();
    await seedDemo(local);
    const demo = await getArticle(local, (await findArticleForExport(local, 'demo')).id);
    const tom = (await local.select({ id: users.id }).from(users).where(eq(users.email, 'tom@claimdesk.demo')).limit(1))[0]!.id;
    const article = await createArticle(local, { workspaceId: demo.workspaceId, title: 'Parts', outlet: '', byline: '', url: 'https://news.example.org/parts', publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: tom });
    const base = { workspaceId: demo.workspaceId, articleId: article.id, anchoredRevision: article.revision, claimText: '', authorId: tom };
    const stored = {
      two: [part('the rate fell'), part('exports rose')],
      // Stored as anchored, but its second part's words are not in the text: the report finds it gone.
      partial: [part('Alpha said'), part('imports fell', 'anchored', 60)],
      gone: [part('nothing here', 'orphaned', 5), part('nor here', 'orphaned', 40)],
    };
    await transaction(local, async (tx) => {
      await tx.insert(claims).values([
        { ...base, id: 'mp-two', number: 1, originalQuote: 'the rate fell … exports rose', ...partsColumns(stored.two) },
        { ...base, id: 'mp-partial', number: 2, originalQuote: 'Alpha said … imports fell', ...partsColumns(stored.partial) },
        { ...base, id: 'mp-gone', number: 3, originalQuote: 'nothing here … nor here', ...partsColumns(stored.gone) },
        // A damaged parts_json: the report falls back to the first-part columns rather than failing.
        { ...base, id: 'mp-damaged', number: 4, originalQuote: 'Beta added', ...partsColumns([part('Beta added')]), partsJson: '[{"exact":' },
      ]);
      await tx.insert(sources).values({ claimId: 'mp-two', url: 'https://stats.example.org/t', title: 'Table', excerpt: 'rate: 8.2%', excerptPrefix: 'Unemployment', excerptSuffix: 'in 2023', isPublic: true });
    });

    const vm = await buildReportViewModel(local, article.id, { appUrl: APP_URL, now: NOW });
    const byId = (id: string) => vm.claims.find((c) => c.id === id)!;
    const two = byId('mp-two');
    expect(two.parts?.map((p) => TEXT.slice(p.start!, p.end!))).toEqual(['the rate fell', 'exports rose']);
    expect(two.parts?.every((p) => !p.orphaned)).toBe(true);
    expect(two).toMatchObject({ orphaned: false, start: TEXT.indexOf('the rate fell'), quote: stored.two[0]!.quote });
    expect(two.sources[0]).toMatchObject({ excerpt: 'rate: 8.2%', excerptPrefix: 'Unemployment', excerptSuffix: 'in 2023' });

    const partial = byId('mp-partial');
    expect(partial.orphaned).toBe(false);
    expect(partial.parts?.map((p) => [p.orphaned, p.start])).toEqual([[false, 0], [true, null]]);

    const gone = byId('mp-gone');
    expect(gone).toMatchObject({ orphaned: true, start: null, end: null });
    expect(gone.parts?.every((p) => p.orphaned)).toBe(true);
    expect(vm.claims.at(-1)?.id).toBe('mp-gone');

    const damaged = byId('mp-damaged');
    expect(damaged.parts).toBeUndefined();
    expect(TEXT.slice(damaged.start!, damaged.end!)).toBe('Beta added');

    // Every export of it: W3C MUSTs pass with several targets; HTML highlights each part and links the passage.
    const assertions = loadW3cSuite('annotations/annotationMusts.test');
    const annotations = renderW3cAnnotations(vm).first.items;
    for (const annotation of annotations) expect(runW3cSuite(assertions, annotation).filter((r) => r.outcome !== 'pass')).toEqual([]);
    expect(annotations.find((a) => a.id.endsWith('/mp-two'))?.target).toHaveLength(2);
    const html = await renderHtmlReport(vm);
    expect(html).toContain('<p>the rate fell … exports rose</p>');
    expect(html).toContain('href="https://stats.example.org/t#:~:text=Unemployment-,rate%3A%208.2%25,-in%202023"');
    expect(html.match(/data-claim="1"/g)).toHaveLength(2);
  });
});

describe('findArticleForExport', () => {
  it('finds an article by id or by slug', async () => {
    expect(await findArticleForExport(db, demoId)).toMatchObject({ id: demoId, slug: 'demo' });
    expect(await findArticleForExport(db, ' demo ')).toMatchObject({ id: demoId });
  });

  it('reports an unknown article as not found', async () => {
    await expect(findArticleForExport(db, 'no-such-article')).rejects.toThrow(AppError);
    await expect(findArticleForExport(db, 'no-such-article')).rejects.toThrow('No article has the id or slug "no-such-article".');
  });

  it('refuses a slug used in several workspaces and lists the candidates', async () => {
    const other = (await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'other-desk')).limit(1))[0]!;
    const copy = await createArticle(db, { workspaceId: other.id, slug: 'demo', title: 'Another demo', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'Text.', createdBy: null });
    let error: unknown;
    try {
      await findArticleForExport(db, 'demo');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousArticleError);
    const ambiguous = error as AmbiguousArticleError;
    expect(ambiguous.candidates.map((c) => c.id).sort()).toEqual([demoId, copy.id].sort());
    expect(ambiguous.message).toContain(demoId);
    expect(ambiguous.message).toContain(copy.id);
    expect(ambiguous.message).toContain('by its id');
    expect((await findArticleForExport(db, copy.id)).title).toBe('Another demo');
  });
});

describe('reports under blind review and with deleted comments', () => {
  it('a reviewer who has not voted exports no final verdict, rationale, status or decision history; editors get all', async () => {
    const local = await createTestDb();
    await seedDemo(local);
    const articleId = (await findArticleForExport(local, 'demo')).id;
    const id = async (email: string) => (await local.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]!.id;
    const tom = { userId: await id('tom@claimdesk.demo'), role: 'editor' as const };
    const full = await buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: tom });
    const decided = full.claims.find((c) => c.status === 'resolved' && c.rationale.trim() !== '')!;
    await transaction(local, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, articleId));
    });

    const ana = { userId: await id('ana@claimdesk.demo'), role: 'reviewer' as const };
    const blind = await buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: ana });
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
    await transaction(local, async (tx) => {
      const [anyLevel] = await tx.select().from(ratingLevels).limit(1);
      await tx.insert(claimVerdicts).values({ claimId: decided.id, userId: ana.userId, verdictId: anyLevel!.id, reason: '' });
    });
    const afterVote = await buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: ana });
    expect(afterVote.claims.find((c) => c.id === decided.id)).toMatchObject({ decisionHidden: false, status: 'resolved', rationale: decided.rationale });
    expect(afterVote.claims.filter((c) => c.decisionHidden)).toHaveLength(full.claims.length - 1);
    // Editors are never blind.
    expect((await buildReportViewModel(local, articleId, { appUrl: APP_URL, now: NOW, viewer: tom })).claims.some((c) => c.decisionHidden)).toBe(false);
  });

  it('a comment deleted through the app appears as deleted by its author at the time, with no text in comments or history', async () => {
    const local = await createTestDb();
    await seedDemo(local);
    const articleId = (await findArticleForExport(local, 'demo')).id;
    const anaId = (await local.select({ id: users.id }).from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!.id;
    const claimId = (await buildReportViewModel(local, articleId, { appUrl: APP_URL })).claims[0]!.id;
    const { comment } = await createComment(local, { claimId, body: 'Off the record: my source is the cousin', actorId: anaId });
    await updateComment(local, comment.id, { body: 'Off the record: my source is the cousin, edited', version: 1 }, anaId);
    await deleteComment(local, comment.id, 2, anaId);

    const vm = await buildReportViewModel(local, articleId, { appUrl: APP_URL });
    const exported = vm.claims[0]!.comments.find((c) => c.id === comment.id)!;
    expect(exported).toMatchObject({ body: '', deleted: { by: { name: 'Ana Souza' }, at: expect.any(String) } });
    expect(vm.claims[0]!.history.filter((h) => h.entityId === comment.id).map((h) => h.action)).toEqual(['create', 'update', 'delete']);
    const json = (await renderReport(vm, 'json')).body;
    expect(json).not.toContain('cousin');
  });
});

describe('publishing fields: stable numbers, exclusion, public flags, right of reply, publication', () => {
  let local: Db;
  let articleId: string;
  let workspaceId: string;
  let tom: string;
  const report = (database: Db = local) => buildReportViewModel(database, articleId, { appUrl: APP_URL, now: NOW });

  beforeAll(async () => {
    local = await createTestDb();
    await seedDemo(local);
    articleId = (await findArticleForExport(local, 'demo')).id;
    workspaceId = (await getArticle(local, articleId)).workspaceId;
    tom = (await local.select({ id: users.id }).from(users).where(eq(users.email, 'tom@claimdesk.demo')).limit(1))[0]!.id;
  });

  it('a claim created later near the top of the text gets the next number and is listed first', async () => {
    const article = await getArticle(local, articleId);
    const created = await createClaim(local, { articleId, revision: article.revision, start: 0, end: 8, actorId: tom });
    const vm = await report();
    expect(created.number).toBe(8);
    expect(vm.claims[0]).toMatchObject({ id: created.id, number: 8 });
    expect(vm.claims.map((c) => c.number)).toHaveLength(8);
    expect(new Set(vm.claims.map((c) => c.number)).size).toBe(8);
  });

  it('carries the exclusion reason, and the public flag of sources and comments', async () => {
    const [first, second] = (await report()).claims;
    const ana = (await local.select({ id: users.id }).from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!.id;
    await transaction(local, async (tx) => {
      await tx.update(claims).set({ exclusionReason: 'Opinion, not a checkable claim.' }).where(eq(claims.id, first!.id));
      await tx.insert(sources).values([
        { claimId: second!.id, url: 'https://public.example/a', title: 'Public one', isPublic: true, position: 10 },
        { claimId: second!.id, url: 'https://tip.example/b', title: 'A tip', position: 11 },
      ]);
      await tx.insert(comments).values([
        { claimId: second!.id, authorId: ana, body: 'Internal remark', createdAt: new Date('2030-01-01T00:00:00Z') },
        { claimId: second!.id, authorId: ana, body: 'Note for readers', isPublic: true, createdAt: new Date('2030-01-02T00:00:00Z') },
      ]);
    });
    const vm = await report();
    expect(vm.claims.find((c) => c.id === first!.id)?.exclusionReason).toBe('Opinion, not a checkable claim.');
    expect(vm.claims.filter((c) => c.exclusionReason !== null)).toHaveLength(1);
    const claim = vm.claims.find((c) => c.id === second!.id)!;
    expect(claim.sources.slice(-2).map((src) => [src.title, src.isPublic])).toEqual([
      ['Public one', true],
      ['A tip', false],
    ]);
    // Sources written before the flag existed (the seed's) are internal by default.
    expect(claim.sources.slice(0, -2).every((src) => typeof src.isPublic === 'boolean')).toBe(true);
    expect(claim.comments.slice(-2).map((c) => [c.body, c.isPublic])).toEqual([
      ['Internal remark', false],
      ['Note for readers', true],
    ]);
  });

  it('lists right-of-reply attempts oldest first, with the method label and the internal contact', async () => {
    const claim = (await report()).claims.find((c) => c.number === 3)!;
    await transaction(local, async (tx) => {
      await tx.insert(replyAttempts).values([
        { workspaceId, claimId: claim.id, contactedOn: '2024-03-09', method: 'phone', contact: 'Office line', response: null, createdBy: tom },
        { workspaceId, claimId: claim.id, contactedOn: '2024-03-02', method: 'social_media', contact: '@ministry', response: 'We stand by it.', respondedOn: '2024-03-04', showPublicly: true, createdBy: tom },
      ]);
    });
    const replies = (await report()).claims.find((c) => c.id === claim.id)!.replies;
    expect(replies).toEqual([
      { id: expect.any(String), contactedOn: '2024-03-02', method: 'social_media', methodLabel: 'Social media', contact: '@ministry', response: 'We stand by it.', respondedOn: '2024-03-04', showPublicly: true },
      { id: expect.any(String), contactedOn: '2024-03-09', method: 'phone', methodLabel: 'Phone', contact: 'Office line', response: null, respondedOn: null, showPublicly: false },
    ]);
    expect((await report()).claims.filter((c) => c.id !== claim.id).every((c) => c.replies.length === 0)).toBe(true);
  });

  it('fills the publication from the log: first and last publication, corrections, retraction', async () => {
    const steps = [
      { sequence: 1, kind: 'published' as const, note: '', createdAt: new Date('2024-03-08T09:00:00Z') },
      { sequence: 2, kind: 'reopened' as const, note: 'Typo in claim 2', createdAt: new Date('2024-03-09T09:00:00Z') },
      { sequence: 3, kind: 'corrected' as const, note: 'Fixed the year in claim 2.', createdAt: new Date('2024-03-10T12:30:00Z') },
      { sequence: 4, kind: 'retracted' as const, note: 'The source was forged.', createdAt: new Date('2024-03-12T08:00:00Z') },
    ];
    await transaction(local, async (tx) => {
      await tx.update(articles).set({ status: 'retracted', firstPublishedAt: new Date('2024-03-08T09:00:00Z') }).where(eq(articles.id, articleId));
      await tx.insert(articlePublications).values(steps.map((step) => ({ ...step, workspaceId, articleId, workspaceSlug: 'demo-desk', articleSlug: 'demo' })));
    });
    const vm = await report();
    expect(vm.article.status).toBe('retracted');
    expect(vm.publication).toEqual({
      firstPublishedAt: '2024-03-08T09:00:00.000Z',
      lastPublishedAt: '2024-03-10T12:30:00.000Z',
      corrections: [{ at: '2024-03-10T12:30:00.000Z', note: 'Fixed the year in claim 2.' }],
      retraction: { at: '2024-03-12T08:00:00.000Z', reason: 'The source was forged.' },
    });
  });

  it('is built inside the caller’s transaction, seeing its uncommitted writes', async () => {
    const seen = await transaction(local, async (tx) => {
      await tx.update(articles).set({ title: 'Renamed inside the transaction' }).where(eq(articles.id, articleId));
      return buildReportViewModelInTx(tx, articleId, { appUrl: APP_URL, now: NOW });
    });
    expect(seen.article.title).toBe('Renamed inside the transaction');
    expect(seen.audience).toBe('internal');
    await expect(transaction(local, (tx) => buildReportViewModelInTx(tx, 'no-such-article', { appUrl: APP_URL }))).rejects.toThrow('Article not found.');
  });
});

describe('publicationOf', () => {
  const at = (iso: string) => new Date(iso);

  it('is null while never published', () => {
    expect(publicationOf(null, [])).toBeNull();
    expect(publicationOf(null, [{ kind: 'reopened', note: 'x', createdAt: at('2024-01-01T00:00:00Z') }])).toBeNull();
  });

  it('takes the article’s own first publication date over the log (articles published before the log)', () => {
    expect(publicationOf(at('2023-12-01T00:00:00Z'), [])).toEqual({ firstPublishedAt: '2023-12-01T00:00:00.000Z', lastPublishedAt: '2023-12-01T00:00:00.000Z', corrections: [], retraction: null });
    expect(publicationOf(at('2023-12-01T00:00:00Z'), [{ kind: 'published', note: '', createdAt: at('2024-01-01T00:00:00Z') }])?.firstPublishedAt).toBe('2023-12-01T00:00:00.000Z');
  });

  it('uses the first published row, the latest published or corrected row, and skips empty correction notes', () => {
    const rows = [
      { kind: 'published' as const, note: '', createdAt: at('2024-01-01T00:00:00Z') },
      { kind: 'reopened' as const, note: 'why', createdAt: at('2024-01-02T00:00:00Z') },
      { kind: 'corrected' as const, note: 'First fix', createdAt: at('2024-01-03T00:00:00Z') },
      { kind: 'reopened' as const, note: 'again', createdAt: at('2024-01-04T00:00:00Z') },
      { kind: 'corrected' as const, note: ' ', createdAt: at('2024-01-05T00:00:00Z') },
    ];
    expect(publicationOf(null, rows)).toEqual({
      firstPublishedAt: '2024-01-01T00:00:00.000Z',
      lastPublishedAt: '2024-01-05T00:00:00.000Z',
      corrections: [{ at: '2024-01-03T00:00:00.000Z', note: 'First fix' }],
      retraction: null,
    });
  });
});

/**
 * The SQL statements `fn` sends, on either dialect: better-sqlite3 prepares every statement on
 * the connection (reads outside a transaction use the read-only one, which the report does not);
 * node-postgres sends each through Client#query.
 */
async function recordStatements(database: Db, fn: () => Promise<unknown>): Promise<string[]> {
  if (dialectOf(database) === 'sqlite') {
    const prepare = vi.spyOn(sqliteConnection(database), 'prepare');
    try {
      await fn();
      return prepare.mock.calls.map(([text]) => text);
    } finally {
      prepare.mockRestore();
    }
  }
  const query = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await fn();
    return query.mock.calls.map(([arg]) => (typeof arg === 'string' ? arg : ((arg as { text?: string } | undefined)?.text ?? '')));
  } finally {
    query.mockRestore();
  }
}
