import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { claims, claimSuggestions, suggestionRuns } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { authorize, authorizeArticleScope } from './access';
import { createArticle, updateArticleText } from './articles';
import { createClaim } from './claims';
import { acceptSuggestion, authorizeSuggestion, decideSuggestion, failDeadRuns, finishSuggestionRun, listArticleSuggestions, recordRunProgress, startSuggestionRun } from './check-worthiness';
import { activateModel, activeWeights, getCheckWorthinessSettings, refitWorkspaceModel, updateCheckWorthinessSettings } from './check-worthiness-settings';
import { executeRun } from '@/lib/server/check-worthiness-jobs';
import { DEFAULT_WEIGHTS, scoreFeatures, scoreSentences } from '@/lib/check-worthiness';
import { FEATURES, type FeatureVector } from '@/lib/check-worthiness/types';
import { plainTextToDocJson } from '@/lib/editor/doc-text';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const S1 = 'The ministry said unemployment fell to 4.2 percent in March, the lowest level since 2008.';
const S2 = 'I think the weather was nice.';
const S3 = 'According to the central bank, inflation doubled to 9 percent last year.';
const S4 = 'Mayor Jane Smith said the new bridge cost $412 million, more than twice the budget.';
const TEXT = [S1, S2, S3, S4].join('\n\n');

const newArticle = async (text = TEXT, publishedOn: string | null = '2026-03-05') =>
  createArticle(f.db, { workspaceId: f.workspaceId, title: 'Suggestions', outlet: '', byline: '', url: null, publishedOn, language: 'en', sourceCredit: '', text, createdBy: f.u.tom });

/** A whole run, in the test's turn: start, score (the same runner the route queues), finish. */
async function run(articleId: string, workspaceId = f.workspaceId) {
  const started = await startSuggestionRun(f.db, { articleId, actorId: f.u.ana });
  await executeRun(f.db, { runId: started.id, articleId, workspaceId, actorId: f.u.ana }, new AbortController().signal);
  return started;
}

const rowsOf = (articleId: string) => f.db.select().from(claimSuggestions).where(eq(claimSuggestions.articleId, articleId));

describe('Find claims runs', () => {
  it('allows one running run per article under concurrent starts (409 naming the progress)', async () => {
    const article = await newArticle();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.ana })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      const reason = (r as PromiseRejectedResult).reason as { code?: string; message?: string };
      expect(reason.code).toBe('conflict');
      expect(reason.message).toMatch(/^Find claims is already running on this article \(\d+%\)\.$/);
    }
    const running = await f.db.select().from(suggestionRuns).where(and(eq(suggestionRuns.articleId, article.id), eq(suggestionRuns.status, 'running')));
    expect(running).toHaveLength(1);
    // Progress shows in the 409.
    await recordRunProgress(f.db, running[0]!.id, { sentencesDone: 4, sentencesTotal: 10 });
    const again = await catchAppError(() => startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.kofi }));
    expect(again.message).toBe('Find claims is already running on this article (40%).');
    expect((again.details as { run: { progress: number } }).run.progress).toBe(0.4);
  });

  it('scores the article, stores suggestions and lists those above the threshold in text order', async () => {
    const article = await newArticle();
    await run(article.id);
    const list = await listArticleSuggestions(f.db, article.id);
    expect(list.run).toMatchObject({ status: 'done', progress: 1, language: 'en', languageSupport: 'full', sentencesTotal: 4, sentencesDone: 4 });
    expect(list.threshold).toBe(DEFAULT_WEIGHTS.threshold);
    const quotes = list.suggestions.map((s) => s.quote.exact);
    expect(quotes).toEqual(expect.arrayContaining([S1, S3, S4]));
    expect(quotes).not.toContain(S2);
    const text = TEXT;
    for (const s of list.suggestions) {
      expect(text.slice(s.range.start, s.range.end)).toBe(s.quote.exact);
      expect(s.revision).toBe(article.revision);
      expect(s.score).toBeGreaterThanOrEqual(list.threshold);
    }
    const mayor = list.suggestions.find((s) => s.quote.exact === S4)!;
    expect(mayor.claimant).toMatch(/Jane Smith/);
    // Reasons are relative to the quote.
    const money = mayor.reasons.find((r) => r.cue === 'money')!;
    expect(mayor.quote.exact.slice(money.start, money.end)).toContain('412');
  });

  it('an empty text finishes with no suggestions (not an error); an unknown script says partial', async () => {
    const article = await newArticle('Ὁ βίος βραχύς, ἡ δὲ τέχνη μακρή. Ἐν ἔτει 1999 ἦλθον 45 ἄνθρωποι.');
    await run(article.id);
    const list = await listArticleSuggestions(f.db, article.id);
    expect(list.run?.status).toBe('done');
    expect(list.languageSupport).toBe('partial');
    expect(list.run?.unsupportedCues.length).toBeGreaterThan(0);

    const started = await startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.ana });
    // The scorer's answer for an empty text: done with nothing stored.
    const outcome = await finishSuggestionRun(f.db, started.id, article.revision, scoreSentences(''));
    expect(outcome.status).toBe('done');
    expect((await listArticleSuggestions(f.db, article.id)).suggestions).toEqual([]);
  });

  it('a text saved during the run: the finish is refused as stale and nothing is written', async () => {
    const article = await newArticle();
    const started = await startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.ana });
    const result = scoreSentences(TEXT);
    await updateArticleText(f.db, article.id, plainTextToDocJson(`${TEXT}\n\nA new line.`), article.revision, f.u.tom);
    expect(await finishSuggestionRun(f.db, started.id, article.revision, result)).toEqual({ status: 'stale', revision: article.revision + 1 });
    expect(await rowsOf(article.id)).toHaveLength(0);
    // The runner scores the new text instead.
    await executeRun(f.db, { runId: started.id, articleId: article.id, workspaceId: f.workspaceId, actorId: f.u.ana }, new AbortController().signal);
    const list = await listArticleSuggestions(f.db, article.id);
    expect(list.run).toMatchObject({ status: 'done', revision: article.revision + 1 });
  });

  it('never resurrects a dismissed suggestion on a re-run; accepted ones are not suggested again either', async () => {
    const article = await newArticle();
    await run(article.id);
    const first = await listArticleSuggestions(f.db, article.id);
    const s1 = first.suggestions.find((s) => s.quote.exact === S1)!;
    const s3 = first.suggestions.find((s) => s.quote.exact === S3)!;
    const dismissed = await decideSuggestion(f.db, s1.id, s1.version, 'dismissed', f.u.ana);
    expect(dismissed).toMatchObject({ state: 'dismissed', decidedBy: f.u.ana, version: s1.version + 1 });
    await acceptSuggestion(f.db, s3.id, { version: s3.version }, { id: f.u.ana });

    await run(article.id);
    const second = await listArticleSuggestions(f.db, article.id);
    expect(second.suggestions.map((s) => s.quote.exact)).not.toContain(S1);
    expect(second.suggestions.map((s) => s.quote.exact)).not.toContain(S3);
    expect(second.suggestions.map((s) => s.quote.exact)).toContain(S4);
    const rows = await rowsOf(article.id);
    expect(rows.filter((r) => r.quoteExact === S1).map((r) => r.state)).toEqual(['dismissed']);
    expect(rows.filter((r) => r.quoteExact === S3).map((r) => r.state)).toEqual(['accepted']);

    // Dismissing twice with the old version: 409; restore brings it back.
    expect((await catchAppError(() => decideSuggestion(f.db, s1.id, s1.version, 'dismissed', f.u.ana))).code).toBe('conflict');
    await decideSuggestion(f.db, s1.id, dismissed.version, 'open', f.u.ana);
    expect((await listArticleSuggestions(f.db, article.id)).suggestions.map((s) => s.quote.exact)).toContain(S1);
  });

  it('a dismissal survives a text edit (re-anchored) and a re-run after it', async () => {
    const article = await newArticle();
    await run(article.id);
    const s4 = (await listArticleSuggestions(f.db, article.id)).suggestions.find((s) => s.quote.exact === S4)!;
    await decideSuggestion(f.db, s4.id, s4.version, 'dismissed', f.u.ana);
    await updateArticleText(f.db, article.id, plainTextToDocJson(`A new first paragraph, 12 words, said nobody in 2020.\n\n${TEXT}`), article.revision, f.u.tom);
    await run(article.id);
    expect((await listArticleSuggestions(f.db, article.id)).suggestions.map((s) => s.quote.exact)).not.toContain(S4);
  });
});

describe('claims marked by hand', () => {
  it('a sentence already marked as a claim is not suggested', async () => {
    const article = await newArticle();
    const start = TEXT.indexOf('new bridge');
    await createClaim(f.db, { articleId: article.id, revision: article.revision, start, end: start + 'new bridge cost $412 million'.length, actorId: f.u.tom });
    await run(article.id);
    const quotes = (await listArticleSuggestions(f.db, article.id)).suggestions.map((s) => s.quote.exact);
    expect(quotes).not.toContain(S4);
    expect(quotes).toContain(S1);
  });
});

describe('re-anchoring to the current revision', () => {
  it('moves suggestions with the text and drops the orphan of a deleted sentence', async () => {
    const article = await newArticle();
    await run(article.id);
    const before = await listArticleSuggestions(f.db, article.id);
    const b4 = before.suggestions.find((s) => s.quote.exact === S4)!;
    const b1 = before.suggestions.find((s) => s.quote.exact === S1)!;
    const prefix = 'Breaking news from the capital.\n\n';
    const edited = `${prefix}${[S2, S3, S4].join('\n\n')}`; // S1 deleted
    const save = await updateArticleText(f.db, article.id, plainTextToDocJson(edited), article.revision, f.u.tom);
    const after = await listArticleSuggestions(f.db, article.id);
    expect(after.revision).toBe(save.article.revision);
    const a4 = after.suggestions.find((s) => s.id === b4.id)!;
    expect(a4.range.start).toBe(edited.indexOf(S4));
    expect(a4.range.start).not.toBe(b4.range.start);
    expect(a4.revision).toBe(save.article.revision);
    expect(after.suggestions.find((s) => s.id === b1.id)).toBeUndefined();
    // Stored so: the rows are at the new revision, the orphan marked.
    const rows = await rowsOf(article.id);
    expect(rows.find((r) => r.id === b1.id)).toMatchObject({ anchorState: 'orphaned' });
    expect(rows.find((r) => r.id === b4.id)).toMatchObject({ anchorState: 'anchored', revision: save.article.revision });
    // Accepting after the edit creates the claim on the moved words.
    const { claim } = await acceptSuggestion(f.db, a4.id, { version: a4.version }, { id: f.u.ana });
    expect(claim.quote.exact).toBe(S4);
    const orphan = rows.find((r) => r.id === b1.id)!;
    expect((await catchAppError(() => acceptSuggestion(f.db, orphan.id, { version: orphan.version }, { id: f.u.ana }))).code).toBe('conflict');
  });
});

describe('accept', () => {
  it('creates the claim through createClaim with the claimant and the article date; a stale version is 409 and creates nothing', async () => {
    const article = await newArticle();
    await run(article.id);
    const s4 = (await listArticleSuggestions(f.db, article.id)).suggestions.find((s) => s.quote.exact === S4)!;
    const { suggestion, claim } = await acceptSuggestion(f.db, s4.id, { version: s4.version }, { id: f.u.ana, name: 'Ana' });
    expect(claim).toMatchObject({ articleId: article.id, quote: { exact: S4 }, claimant: s4.claimant, claimDate: '2026-03-05', number: 1 });
    expect(claim.claimant).toMatch(/Jane Smith/);
    expect(suggestion).toMatchObject({ state: 'accepted', claimId: claim.id, version: s4.version + 1, decidedBy: f.u.ana });

    const again = await catchAppError(() => acceptSuggestion(f.db, s4.id, { version: s4.version }, { id: f.u.ana }));
    expect(again.code).toBe('conflict');
    expect(await f.db.select().from(claims).where(eq(claims.articleId, article.id))).toHaveLength(1);
    // The accepted one is no longer listed.
    expect((await listArticleSuggestions(f.db, article.id)).suggestions.find((s) => s.id === s4.id)).toBeUndefined();
  });

  it('takes the edited claimant, statement and date', async () => {
    const article = await newArticle();
    await run(article.id);
    const s1 = (await listArticleSuggestions(f.db, article.id)).suggestions.find((s) => s.quote.exact === S1)!;
    const { claim } = await acceptSuggestion(f.db, s1.id, { version: s1.version, claim: { claimant: 'Ministry of Labour', claimText: 'Unemployment fell to 4.2%.', claimDate: '2026-03-01' } }, { id: f.u.ana });
    expect(claim).toMatchObject({ claimant: 'Ministry of Labour', claimText: 'Unemployment fell to 4.2%.', claimDate: '2026-03-01' });
  });

  it('two concurrent accepts of one suggestion make one claim', async () => {
    const article = await newArticle();
    await run(article.id);
    const s3 = (await listArticleSuggestions(f.db, article.id)).suggestions.find((s) => s.quote.exact === S3)!;
    const results = await Promise.allSettled([acceptSuggestion(f.db, s3.id, { version: s3.version }, { id: f.u.ana }), acceptSuggestion(f.db, s3.id, { version: s3.version }, { id: f.u.kofi })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await f.db.select().from(claims).where(eq(claims.articleId, article.id))).toHaveLength(1);
  });
});

describe('access', () => {
  it("another workspace's member gets 404 for the article's suggestions, a suggestion and the settings; a viewer may read but not run", async () => {
    const article = await newArticle();
    await run(article.id);
    const [s] = (await listArticleSuggestions(f.db, article.id)).suggestions;
    expect((await catchAppError(() => authorizeSuggestion(f.db, f.u.omar, s!.id, 'claim:suggest'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeArticleScope(f.db, f.u.omar, article.id, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorize(f.db, f.u.omar, f.workspaceId, 'article:read', 'Workspace'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeSuggestion(f.db, f.u.vera, s!.id, 'claim:suggest'))).code).toBe('forbidden');
    expect((await authorizeSuggestion(f.db, f.u.ana, s!.id, 'claim:suggest')).id).toBe(s!.id);
    expect((await catchAppError(() => authorize(f.db, f.u.tom, f.workspaceId, 'workspace:settings', 'Workspace'))).code).toBe('forbidden');
  });
});

describe('settings, start-up sweep', () => {
  it('threshold hides lower suggestions; version guards concurrent changes', async () => {
    const article = await newArticle();
    await run(article.id);
    const all = (await listArticleSuggestions(f.db, article.id)).suggestions;
    const highest = Math.max(...all.map((s) => s.score));
    const settings = await updateCheckWorthinessSettings(f.db, f.workspaceId, { version: 0, threshold: highest, autoFindOnImport: true });
    expect(settings).toMatchObject({ threshold: highest, effectiveThreshold: highest, autoFindOnImport: true, version: 1 });
    const list = await listArticleSuggestions(f.db, article.id);
    expect(list.threshold).toBe(highest);
    expect(list.suggestions.every((s) => s.score >= highest)).toBe(true);
    expect(list.suggestions.length).toBeLessThan(all.length);
    expect((await catchAppError(() => updateCheckWorthinessSettings(f.db, f.workspaceId, { version: 0, threshold: null }))).code).toBe('conflict');
    expect((await catchAppError(() => updateCheckWorthinessSettings(f.db, f.workspaceId, { activeModelId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('not_found');
  });

  it('two first changes at once: each is saved or refused with 409, never a server error', async () => {
    const results = await Promise.allSettled([updateCheckWorthinessSettings(f.db, f.workspaceId, { threshold: 0.3 }), updateCheckWorthinessSettings(f.db, f.workspaceId, { autoFindOnImport: true })]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('conflict');
  });

  it('marks running rows left by a dead process failed, and a new run may start', async () => {
    const article = await newArticle();
    const started = await startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.ana });
    expect(await failDeadRuns(f.db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await failDeadRuns(f.db, new Date(Date.now() + 1_000))).toBe(1);
    const [row] = await f.db.select().from(suggestionRuns).where(eq(suggestionRuns.id, started.id));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toMatch(/server stopped/);
    await startSuggestionRun(f.db, { articleId: article.id, actorId: f.u.ana });
  });
});

describe('re-fit', () => {
  it('with too few examples: 422 in words', async () => {
    const error = await catchAppError(() => refitWorkspaceModel(f.db, f.otherWorkspaceId, f.u.omar));
    expect(error.code).toBe('unprocessable');
    expect(error.message).toMatch(/^Not enough decisions to re-fit yet: it needs at least 5 check-worthy examples .* this workspace has 0 and 0\.$/);
  });

  it('stores the cross-validated metrics; activation changes the weights a run uses', async () => {
    // Decisions: sentences with a number accepted, those without dismissed (a desk that only checks numbers).
    const article = await newArticle();
    const zero = Object.fromEntries(FEATURES.map((k) => [k, 0])) as FeatureVector;
    const decided = Array.from({ length: 16 }, (_, i) => {
      const positive = i % 2 === 0;
      const features: FeatureVector = { ...zero, number: positive ? 1 : 0, entity: i % 3 === 0 ? 1 : 0, attribution: i % 4 === 0 ? 1 : 0, length: (i % 5) / 5 };
      return {
        workspaceId: f.workspaceId,
        articleId: article.id,
        revision: article.revision,
        positionStart: i,
        positionEnd: i + 1,
        quoteExact: TEXT.slice(i, i + 1),
        score: 0.5,
        reasons: [],
        features,
        state: positive ? ('accepted' as const) : ('dismissed' as const),
      };
    });
    await transaction(f.db, async (tx) => tx.insert(claimSuggestions).values(decided));
    const result = await refitWorkspaceModel(f.db, f.workspaceId, f.u.nadia, { folds: 4 });
    // 8 accepted + the demo article's hand-made claims; 8 dismissed.
    expect(result.positives).toBeGreaterThanOrEqual(8);
    expect(result.examples - result.positives).toBe(8);
    expect(result.after).toMatchObject({ folds: 4 });
    for (const m of [result.before, result.after]) for (const key of ['precision', 'recall', 'f1', 'auc'] as const) expect(typeof m[key]).toBe('number');

    const settingsBefore = await getCheckWorthinessSettings(f.db, f.workspaceId);
    expect(settingsBefore.activeModel).toBeNull();
    expect(settingsBefore.models.map((m) => m.id)).toEqual([result.modelId]);
    expect(await activeWeights(f.db, f.workspaceId)).toBe(DEFAULT_WEIGHTS);

    const activated = await activateModel(f.db, f.workspaceId, result.modelId);
    expect(activated.activeModel).toMatchObject({ id: result.modelId });
    expect(activated.activeModel!.activatedAt).not.toBeNull();
    const weights = await activeWeights(f.db, f.workspaceId);
    expect(weights).not.toEqual(DEFAULT_WEIGHTS);

    const fresh = await newArticle();
    await run(fresh.id);
    const stored = (await rowsOf(fresh.id)).filter((r) => r.state === 'open');
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.score).toBeCloseTo(scoreFeatures(row.features, weights), 2);
    expect(stored.some((row) => Math.abs(scoreFeatures(row.features, DEFAULT_WEIGHTS) - row.score) > 0.01)).toBe(true);

    // Deactivate: the shipped weights again.
    const off = await updateCheckWorthinessSettings(f.db, f.workspaceId, { activeModelId: null });
    expect(off.activeModel).toBeNull();
    expect(await activeWeights(f.db, f.workspaceId)).toBe(DEFAULT_WEIGHTS);
  });
});
