import { beforeEach, describe, expect, it } from 'vitest';
import { reviewSessions } from '../schema';
import { transaction } from '../transaction';
import { buildMinutes } from '@/lib/review-sessions/minutes';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { getReviewSessionMinutes } from './review-session-minutes';

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
