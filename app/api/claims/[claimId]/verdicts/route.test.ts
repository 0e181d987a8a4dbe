import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { changeAttendance } from '@/db/queries/review-session-attendance';
import { runSessionOp } from '@/db/queries/review-session-ops';
import { getSessionView, startSession } from '@/db/queries/review-sessions';
import { users } from '@/db/schema';
import type { CurrentUser } from '@/lib/domain/users';
import { emitEntity } from '@/lib/events/emit';
import { PresenceRegistry, setPresence } from '@/lib/events/presence';
import { requireApiUser } from '@/lib/server/session';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { PUT } from './route';

// apiRoute reads the session through this helper; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ requireApiUser: vi.fn(), getCurrentUser: vi.fn() }));
vi.mock('@/lib/events/emit', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/events/emit')>()), emitEntity: vi.fn() }));
const apiUser = vi.mocked(requireApiUser);
const emitted = vi.mocked(emitEntity);

let f: ReviewFixture;
let sessionId: string;
let itemId: string;
let claimId: string;

async function asUser(id: string): Promise<CurrentUser> {
  const row = (await f.db.select().from(users).where(eq(users.id, id)).limit(1))[0]!;
  return { id: row.id, email: row.email, name: row.name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
}

async function putVerdict(userId: string, key: string): Promise<Response> {
  apiUser.mockResolvedValue(await asUser(userId));
  const request = new Request(`https://desk.example.org/api/claims/${claimId}/verdicts`, { method: 'PUT', body: JSON.stringify({ verdictId: f.level(key), reason: '' }), headers: { 'content-type': 'application/json' } });
  return PUT(request, { params: Promise.resolve({ claimId }) });
}

const sessionEvents = () => emitted.mock.calls.filter(([type]) => type === 'session.updated');

beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  claimId = f.claims.find((c) => c.number === 7)!.id;
  sessionId = (await startSession(f.db, { articleId: f.article.id, userId: f.u.tom, claimIds: [claimId] })).id;
  itemId = (await getSessionView(f.db, sessionId, f.u.tom, 'editor')).items[0]!.id;
  for (const userId of [f.u.ana, f.u.kofi]) await changeAttendance(f.db, { sessionId, userId, role: 'reviewer', action: 'join' });
  await runSessionOp(f.db, { sessionId, actorId: f.u.tom, role: 'editor', op: { op: 'callVote', itemId } });
  // Ana and Kofi are looking at the article; Tom (the lead, who could vote) is not.
  const presence = new PresenceRegistry();
  for (const [userId, name] of [[f.u.ana, 'Ana'], [f.u.kofi, 'Kofi']] as const) presence.join(f.article.id, { connectionId: `c-${name}`, userId, name, openClaimId: null });
  setPresence(presence);
  emitted.mockReset();
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  setPresence(undefined);
});

describe('PUT /api/claims/:id/verdicts during a called vote', () => {
  it('reveals the vote once every present, joined participant who may vote has a verdict, and says so (session.updated with the claim)', async () => {
    expect((await putVerdict(f.u.ana, 'false')).status).toBe(201);
    expect(sessionEvents()).toEqual([]);
    expect((await getSessionView(f.db, sessionId, f.u.tom, 'editor')).items[0]!.vote.state).toBe('open');

    expect((await putVerdict(f.u.kofi, 'true')).status).toBe(201);
    const view = await getSessionView(f.db, sessionId, f.u.tom, 'editor');
    expect(view.items[0]!.vote).toMatchObject({ state: 'revealed', votedCount: 2 });
    expect(sessionEvents()).toEqual([['session.updated', { workspaceId: f.workspaceId, articleId: f.article.id, claimId }, { id: sessionId, version: view.version }, f.u.kofi]]);
  });
});
