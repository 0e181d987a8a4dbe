import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { getClaim } from '@/db/queries/claims';
import { users } from '@/db/schema';
import type { ReviewSessionView } from '@/lib/domain/review-sessions';
import type { CurrentUser } from '@/lib/domain/users';
import { emitEntity } from '@/lib/events/emit';
import { requireApiUser } from '@/lib/server/session';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { POST as START } from '../../articles/[articleId]/review-sessions/route';
import { GET, PATCH } from './route';

// apiRoute reads the session through this helper; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ requireApiUser: vi.fn(), getCurrentUser: vi.fn() }));
vi.mock('@/lib/events/emit', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/events/emit')>()), emitEntity: vi.fn() }));
const apiUser = vi.mocked(requireApiUser);
const emitted = vi.mocked(emitEntity);

const APP = 'https://desk.example.org';
let f: ReviewFixture;

async function as(id: string): Promise<void> {
  const row = (await f.db.select().from(users).where(eq(users.id, id)).limit(1))[0]!;
  const user: CurrentUser = { id: row.id, email: row.email, name: row.name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
  apiUser.mockResolvedValue(user);
}

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const start = (body: unknown = {}) => START(new Request(`${APP}/api/articles/${f.article.id}/review-sessions`, { method: 'POST', ...json(body) }), { params: Promise.resolve({ articleId: f.article.id }) });
const patch = (sessionId: string, body: unknown) => PATCH(new Request(`${APP}/api/review-sessions/${sessionId}`, { method: 'PATCH', ...json(body) }), { params: Promise.resolve({ sessionId }) });
const get = (sessionId: string) => GET(new Request(`${APP}/api/review-sessions/${sessionId}`), { params: Promise.resolve({ sessionId }) });

beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  emitted.mockReset();
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
});

describe('review-session routes', () => {
  it('start answers 201 with the session and announces it; a second start is a 409 naming the lead', async () => {
    await as(f.u.tom);
    const response = await start({ claimIds: [f.claims[0]!.id], timeboxSeconds: 120 });
    expect(response.status).toBe(201);
    const view = (await response.json()) as ReviewSessionView;
    expect(view).toMatchObject({ status: 'running', lead: { userId: f.u.tom }, me: { isLead: true, joined: true } });
    expect(emitted).toHaveBeenCalledWith('session.updated', { workspaceId: f.workspaceId, articleId: f.article.id, claimId: null }, { id: view.id, version: view.version }, f.u.tom);
    await as(f.u.nadia);
    const again = await start();
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'conflict', message: 'A review session led by Tom Becker is already running on this article. Join it instead.', details: { sessionId: view.id } } });
    await as(f.u.ana);
    expect((await start()).status).toBe(403);
  });

  it('decide: the claim and the session are both announced; a viewer gets 403, another workspace 404, invalid ops 422', async () => {
    await as(f.u.tom);
    const claimId = f.claims[0]!.id;
    const view = (await (await start({ claimIds: [claimId] })).json()) as ReviewSessionView;
    emitted.mockReset();
    const claim = await getClaim(f.db, claimId);
    const response = await patch(view.id, { op: 'decide', itemId: view.items[0]!.id, verdictId: f.level('misleading'), claimVersion: claim.version });
    expect(response.status).toBe(200);
    const after = (await response.json()) as ReviewSessionView;
    expect(after.items[0]).toMatchObject({ outcome: 'decided', decidedVerdict: { key: 'misleading' } });
    expect(emitted.mock.calls.map(([type, scope]) => [type, scope.claimId])).toEqual([
      ['claim.updated', undefined],
      ['session.updated', claimId],
    ]);
    expect((await patch(view.id, { op: 'nonsense' })).status).toBe(422);
    await as(f.u.vera);
    const refused = await patch(view.id, { op: 'goto', itemId: view.items[0]!.id });
    expect(refused.status).toBe(403);
    expect((await get(view.id)).status).toBe(200);
    await as(f.u.omar);
    expect((await get(view.id)).status).toBe(404);
    expect((await patch(view.id, { op: 'end' })).status).toBe(404);
  });

  it('an ended session answers its view with the minutes and refuses writes with 409', async () => {
    await as(f.u.tom);
    const view = (await (await start({ claimIds: [f.claims[0]!.id] })).json()) as ReviewSessionView;
    expect((await patch(view.id, { op: 'end' })).status).toBe(200);
    const ended = (await (await get(view.id)).json()) as ReviewSessionView;
    expect(ended).toMatchObject({ status: 'ended', minutes: { sessionId: view.id } });
    const refused = await patch(view.id, { op: 'goto', itemId: view.items[0]!.id });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { message: 'This review session has ended; its record can no longer be changed.' } });
  });
});
