import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { CurrentUser } from '@/lib/domain/users';
import type { ArticleSuggestionsDto, SuggestionDto, SuggestionRunDto } from '@/lib/domain/check-worthiness';
import type { ClaimDto } from '@/lib/domain/claims';
import { createArticle } from '@/db/queries/articles';
import { suggestionJobsIdle } from '@/lib/server/check-worthiness-jobs';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

/** The Find claims routes below HTTP: the session is stubbed, the database is the demo seed. */

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/server/session', () => ({
  requireApiUser: async () => {
    if (!signedIn) {
      const { unauthorized } = await import('@/lib/errors');
      throw unauthorized();
    }
    return signedIn;
  },
}));

const { GET } = await import('./route');
const { POST: START } = await import('./runs/route');
const { POST: ACCEPT } = await import('../../../suggestions/[suggestionId]/accept/route');
const { POST: DISMISS } = await import('../../../suggestions/[suggestionId]/dismiss/route');
const { POST: REFIT } = await import('../../../workspaces/[workspaceId]/check-worthiness/refit/route');
const { GET: SETTINGS, PUT: PUT_SETTINGS } = await import('../../../workspaces/[workspaceId]/check-worthiness/route');

const ORIGIN = 'http://127.0.0.1:3000';
let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
});
afterEach(async () => {
  await suggestionJobsIdle();
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  signedIn = null;
});

const as = (userId: string) => {
  signedIn = { id: userId, email: '', name: 'Tester', sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
};
const post = (url: string, body?: unknown) => new Request(`${ORIGIN}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

const TEXT = ['Mayor Jane Smith said the new bridge cost $412 million, more than twice the budget.', 'I think the weather was nice.'].join('\n\n');

describe('Find claims routes', () => {
  it('start → 202 and a second start → 409 with the progress; the list, accept (claimant pre-filled) and dismiss', async () => {
    const article = await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Routes', outlet: '', byline: '', url: null, publishedOn: '2026-03-05', language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });
    const articleParams = { params: Promise.resolve({ articleId: article.id }) };
    as(f.u.ana);
    const started = await START(post(`/api/articles/${article.id}/suggestions/runs`), articleParams);
    expect(started.status).toBe(202);
    const { run } = (await started.json()) as { run: SuggestionRunDto };
    expect(run).toMatchObject({ status: 'running', articleId: article.id });
    // The run has not happened in the request's turn: a second start is refused.
    const again = await START(post(`/api/articles/${article.id}/suggestions/runs`), articleParams);
    expect(again.status).toBe(409);
    expect(await message(again)).toBe('Find claims is already running on this article (0%).');
    await suggestionJobsIdle();

    const listed = (await (await GET(new Request(`${ORIGIN}/api/articles/${article.id}/suggestions`), articleParams)).json()) as ArticleSuggestionsDto;
    expect(listed.run).toMatchObject({ id: run.id, status: 'done', languageSupport: 'full' });
    expect(listed.suggestions).toHaveLength(1);
    const [suggestion] = listed.suggestions as [SuggestionDto];
    expect(suggestion.claimant).toMatch(/Jane Smith/);

    const accepted = await ACCEPT(post(`/api/suggestions/${suggestion.id}/accept`, { version: suggestion.version }), { params: Promise.resolve({ suggestionId: suggestion.id }) });
    expect(accepted.status).toBe(200);
    const body = (await accepted.json()) as { suggestion: SuggestionDto; claim: ClaimDto };
    expect(body.claim).toMatchObject({ claimant: suggestion.claimant, claimDate: '2026-03-05' });
    expect(body.suggestion).toMatchObject({ state: 'accepted', claimId: body.claim.id });
    const stale = await DISMISS(post(`/api/suggestions/${suggestion.id}/dismiss`, { version: suggestion.version }), { params: Promise.resolve({ suggestionId: suggestion.id }) });
    expect(stale.status).toBe(409);

    // A viewer reads but may not run; another workspace's owner gets 404.
    as(f.u.vera);
    expect((await GET(new Request(`${ORIGIN}/api/articles/${article.id}/suggestions`), articleParams)).status).toBe(200);
    expect((await START(post(`/api/articles/${article.id}/suggestions/runs`), articleParams)).status).toBe(403);
    as(f.u.omar);
    expect((await GET(new Request(`${ORIGIN}/api/articles/${article.id}/suggestions`), articleParams)).status).toBe(404);
    expect((await DISMISS(post(`/api/suggestions/${suggestion.id}/dismiss`, { version: 2 }), { params: Promise.resolve({ suggestionId: suggestion.id }) })).status).toBe(404);
  });

  it('settings: members read, only the owner changes; re-fit with too few decisions is 422 in words, with or without a body', async () => {
    const wsParams = { params: Promise.resolve({ workspaceId: f.otherWorkspaceId }) };
    as(f.u.omar);
    const settings = await SETTINGS(new Request(`${ORIGIN}/api/workspaces/${f.otherWorkspaceId}/check-worthiness`), wsParams);
    expect(await settings.json()).toMatchObject({ autoFindOnImport: false, threshold: null, activeModel: null, models: [], version: 0 });
    const put = await PUT_SETTINGS(new Request(`${ORIGIN}/api/workspaces/${f.otherWorkspaceId}/check-worthiness`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 0, threshold: 0.6 }) }), wsParams);
    const putBody = (await put.json()) as unknown;
    expect(putBody, JSON.stringify(putBody)).toMatchObject({ threshold: 0.6, effectiveThreshold: 0.6, version: 1 });
    for (const request of [post(`/api/workspaces/${f.otherWorkspaceId}/check-worthiness/refit`), post(`/api/workspaces/${f.otherWorkspaceId}/check-worthiness/refit`, { folds: 3 })]) {
      const refit = await REFIT(request, wsParams);
      expect(refit.status).toBe(422);
      expect(await message(refit)).toMatch(/^Not enough decisions to re-fit yet/);
    }
    as(f.u.tom);
    const demo = { params: Promise.resolve({ workspaceId: f.workspaceId }) };
    expect((await PUT_SETTINGS(new Request(`${ORIGIN}/api/workspaces/${f.workspaceId}/check-worthiness`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ autoFindOnImport: true }) }), demo)).status).toBe(403);
    expect((await REFIT(post(`/api/workspaces/${f.workspaceId}/check-worthiness/refit`), demo)).status).toBe(403);
  });
});
