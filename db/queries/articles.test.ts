import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles } from '../schema';
import { transaction } from '../transaction';
import { listArticlesForUser } from './articles';
import { reviewFixture } from '@/test/fixtures/review-db';
import { upsertMyVerdict } from './verdicts';

describe('listArticlesForUser: rating progress', () => {
  it('counts claims with a final verdict, for everyone while blind review is off', async () => {
    const { db, u, article } = await reviewFixture();
    for (const userId of [u.tom, u.ana, u.vera]) {
      expect((await listArticlesForUser(db, userId)).find((a) => a.id === article.id)).toMatchObject({ claimCount: 7, ratedCount: 6 });
    }
  });

  it('under blind review a reviewer counts only the rated claims they have voted on; editors count all', async () => {
    const { db, u, article, claims, level } = await reviewFixture();
    await transaction(db, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, article.id));
    });
    const progress = async (userId: string) => (await listArticlesForUser(db, userId)).find((a) => a.id === article.id)!.ratedCount;
    expect(await progress(u.ana)).toBe(0);
    expect(await progress(u.vera)).toBe(0);
    expect(await progress(u.tom)).toBe(6);
    expect(await progress(u.nadia)).toBe(6);

    const rated = claims.find((c) => c.verdictId !== null)!;
    const unrated = claims.find((c) => c.verdictId === null)!;
    await upsertMyVerdict(db, { claimId: rated.id, userId: u.ana, verdictId: level('true'), reason: '' });
    await upsertMyVerdict(db, { claimId: unrated.id, userId: u.ana, verdictId: level('true'), reason: '' });
    expect(await progress(u.ana)).toBe(1);
    // Kofi's progress is his own, not Ana's.
    expect(await progress(u.kofi)).toBe(0);
  });

  it('lists nothing for a user without workspaces', async () => {
    const { db } = await reviewFixture();
    expect(await listArticlesForUser(db, crypto.randomUUID())).toEqual([]);
  });
});
