import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { getClaim } from '@/db/queries/claims';
import { changeAttendance } from '@/db/queries/review-session-attendance';
import { runSessionOp } from '@/db/queries/review-session-ops';
import { getSessionView, startSession } from '@/db/queries/review-sessions';
import { users } from '@/db/schema';
import type { CurrentUser } from '@/lib/domain/users';
import { emitEntity } from '@/lib/events/emit';
import { requireApiUser } from '@/lib/server/session';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { giveVerdict } from '@/test/fixtures/review-sessions-db';
import { DELETE as DELETE_CLAIM, PATCH as PATCH_CLAIM } from '../../claims/[claimId]/route';
import { POST as REUSE } from '../../claims/[claimId]/reuse/route';
import { PATCH } from './route';

// apiRoute reads the session through this helper; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ requireApiUser: vi.fn(), getCurrentUser: vi.fn() }));
vi.mock('@/lib/events/emit', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/events/emit')>()), emitEntity: vi.fn() }));
// Who is looking at the article: the test says (the eligible voters are among them).
const present = { ids: [] as string[] };
vi.mock('@/lib/events/presence', () => ({ getPresence: () => ({ snapshot: async () => present.ids.map((userId) => ({ userId })) }) }));
const apiUser = vi.mocked(requireApiUser);
const emitted = vi.mocked(emitEntity);

const APP = 'https://desk.example.org';
let f: ReviewFixture;
let sessionId: string;

async function as(id: string): Promise<void> {
  const row = (await f.db.select().from(users).where(eq(users.id, id)).limit(1))[0]!;
  const user: CurrentUser = { id: row.id, email: row.email, name: row.name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
  apiUser.mockResolvedValue(user);
}
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const byNumber = (n: number) => f.claims.find((c) => c.number === n)!;
const op = (o: Parameters<typeof runSessionOp>[1]['op']) => runSessionOp(f.db, { sessionId, actorId: f.u.tom, role: 'editor', op: o });
const items = async () => (await getSessionView(f.db, sessionId, f.u.tom, 'editor')).items;
const sessionEvents = () => emitted.mock.calls.filter((c) => c[0] === 'session.updated');

beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  emitted.mockReset();
  present.ids = [];
  sessionId = (await startSession(f.db, { articleId: f.article.id, userId: f.u.tom, claimIds: [7, 5, 3].map((n) => byNumber(n).id) })).id;
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
});

describe('review-session events and claim routes during a vote', () => {
  it('ending with two open votes announces each revealed claim (one session.updated per claim)', async () => {
    const [a, b] = await items();
    await op({ op: 'callVote', itemId: a!.id });
    await op({ op: 'callVote', itemId: b!.id });
    await as(f.u.tom);
    const response = await PATCH(new Request(`${APP}/api/review-sessions/${sessionId}`, { method: 'PATCH', ...json({ op: 'end' }) }), { params: Promise.resolve({ sessionId }) });
    expect(response.status).toBe(200);
    expect(sessionEvents().map((c) => (c[1] as { claimId: string | null }).claimId).sort()).toEqual([a!.claimId, b!.claimId].sort());
  });

  it('deleting a claim on a running session\'s agenda announces the session', async () => {
    await as(f.u.tom);
    const claim = await getClaim(f.db, byNumber(3).id);
    const response = await DELETE_CLAIM(new Request(`${APP}/api/claims/${claim.id}`, { method: 'DELETE', ...json({ version: claim.version }) }), { params: Promise.resolve({ claimId: claim.id }) });
    expect(response.status).toBe(200);
    expect(sessionEvents()).toEqual([['session.updated', { workspaceId: f.workspaceId, articleId: f.article.id, claimId: null }, { id: sessionId, version: expect.any(Number) }, f.u.tom]]);
    expect((await items()).find((i) => i.claimNumber === 3)!.claimId).toBeNull();
  });

  it('a reviewer\'s claim change refused by an open vote says the vote is why, not blind review', async () => {
    const [first] = await items();
    await op({ op: 'callVote', itemId: first!.id });
    await as(f.u.ana);
    const claim = await getClaim(f.db, first!.claimId!);
    const response = await PATCH_CLAIM(new Request(`${APP}/api/claims/${claim.id}`, { method: 'PATCH', ...json({ version: claim.version, rationale: 'Mine.' }) }), { params: Promise.resolve({ claimId: claim.id }) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^A vote is open on this claim in the review session: /);
  });

  it('reusing a verdict as a reviewer is a vote: the last missing one reveals, as the verdicts PUT does', async () => {
    const [first] = await items();
    const claimId = first!.claimId!;
    await changeAttendance(f.db, { sessionId, userId: f.u.ana, role: 'reviewer', action: 'join' });
    await changeAttendance(f.db, { sessionId, userId: f.u.kofi, role: 'reviewer', action: 'join' });
    present.ids = [f.u.tom, f.u.ana, f.u.kofi];
    await op({ op: 'callVote', itemId: first!.id });
    await giveVerdict(f, f.u.kofi, claimId, 'false');
    const source = f.claims.find((c) => c.verdictId !== null && c.id !== claimId)!;
    expect(source).toBeDefined();
    await as(f.u.ana);
    const claim = await getClaim(f.db, claimId);
    const response = await REUSE(new Request(`${APP}/api/claims/${claimId}/reuse`, { method: 'POST', ...json({ from: { claimId: source.id }, version: claim.version }) }), { params: Promise.resolve({ claimId }) });
    expect(response.status).toBe(200);
    expect((await items())[0]!.vote.state).toBe('revealed');
    expect(sessionEvents().map((c) => (c[1] as { claimId: string | null }).claimId)).toEqual([claimId]);
  });
});
