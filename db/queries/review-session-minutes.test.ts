import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, reviewSessions } from '../schema';
import { transaction } from '../transaction';
import { buildMinutes } from '@/lib/review-sessions/minutes';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { getReviewSessionMinutes, minutesForViewer } from './review-session-minutes';
import { upsertMyVerdict } from './verdicts';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

async function insertSession(values: Partial<typeof reviewSessions.$inferInsert>): Promise<string> {
  return transaction(f.db, async (tx) => {
    const [row] = await tx
      .insert(reviewSessions)
      .values({ workspaceId: f.workspaceId, articleId: f.article.id, leadId: f.u.tom, startedBy: f.u.tom, startedAt: new Date('2026-11-25T10:00:00.000Z'), ...values })
      .returning({ id: reviewSessions.id });
    return row!.id;
  });
}

describe('getReviewSessionMinutes', () => {
  it('returns an ended session’s minutes (JSON round trip) with its workspace, article and slug', async () => {
    const minutes = buildMinutes({ ...sampleMinutesInput(), article: { id: f.article.id, title: f.article.title } });
    const id = await insertSession({ status: 'ended', endedAt: new Date('2026-11-25T11:05:30.000Z'), minutes });
    expect(await getReviewSessionMinutes(f.db, id)).toEqual({ minutes, workspaceId: f.workspaceId, articleId: f.article.id, articleSlug: 'demo', status: 'ended' });
  });

  it('a running session has no minutes yet', async () => {
    const id = await insertSession({});
    expect(await getReviewSessionMinutes(f.db, id)).toEqual({ minutes: null, workspaceId: f.workspaceId, articleId: f.article.id, articleSlug: 'demo', status: 'running' });
  });

  it('null for an unknown id, including one that is not a UUID', async () => {
    expect(await getReviewSessionMinutes(f.db, crypto.randomUUID())).toBeNull();
    expect(await getReviewSessionMinutes(f.db, 'not-a-uuid')).toBeNull();
  });
});

describe('minutesForViewer', () => {
  // The sample's items point at two of the article's claims; blind review is switched on.
  async function setUp() {
    const [first, second] = f.claims;
    const base = sampleMinutesInput();
    const items = base.items.slice(0, 2).map((item, i) => ({ ...item, claimId: [first!.id, second!.id][i]! }));
    const minutes = buildMinutes({ ...base, article: { id: f.article.id, title: f.article.title }, items });
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
    });
    return { minutes, first: first!, second: second! };
  }

  it('withholds outcome, votes and notes of claims a reviewer has not given a verdict on, under blind review', async () => {
    const { minutes, first, second } = await setUp();
    await upsertMyVerdict(f.db, { claimId: first.id, userId: f.u.ana, verdictId: f.level('false'), reason: '' });
    const seen = await minutesForViewer(f.db, minutes, f.article.id, { userId: f.u.ana, role: 'reviewer' });
    const byClaim = (id: string) => seen.items.find((i) => i.claimId === id)!;
    expect(byClaim(first.id)).toEqual(minutes.items.find((i) => i.claimId === first.id));
    expect(byClaim(second.id)).toMatchObject({ decisionHidden: true, outcome: 'pending', votes: [], notes: [], decidedVerdict: null });
  });

  it('shows everything to an editor, and to everyone once blind review is off', async () => {
    const { minutes } = await setUp();
    expect(await minutesForViewer(f.db, minutes, f.article.id, { userId: f.u.tom, role: 'editor' })).toEqual(minutes);
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ blindReview: false }).where(eq(articles.id, f.article.id));
    });
    expect(await minutesForViewer(f.db, minutes, f.article.id, { userId: f.u.ana, role: 'reviewer' })).toEqual(minutes);
  });
});
