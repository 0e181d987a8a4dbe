import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles } from '../schema';
import { getClaimForViewer, listClaimsForViewer } from './claim-views';
import { reviewFixture } from './review-fixture';
import { upsertMyVerdict } from './verdicts';

describe('claims as a viewer may see them', () => {
  it('shows final verdicts to everyone when blind review is off', async () => {
    const { db, u, article } = await reviewFixture();
    const claims = listClaimsForViewer(db, article.id, { userId: u.kofi, role: 'reviewer' });
    expect(claims.filter((c) => c.verdictId !== null)).toHaveLength(6);
    expect(claims.every((c) => !c.verdictHidden)).toBe(true);
  });

  it('under blind review hides the final verdict from a reviewer until they vote; editors always see it', async () => {
    const { db, u, article, level } = await reviewFixture();
    db.update(articles).set({ blindReview: true }).where(eq(articles.id, article.id)).run();
    const kofi = { userId: u.kofi, role: 'reviewer' as const };
    const hidden = listClaimsForViewer(db, article.id, kofi);
    expect(hidden.filter((c) => c.verdictId !== null)).toHaveLength(0);
    expect(hidden.filter((c) => c.verdictHidden)).toHaveLength(6);

    const target = hidden.find((c) => c.verdictHidden)!;
    upsertMyVerdict(db, { claimId: target.id, userId: u.kofi, verdictId: level('false'), reason: 'My own reading.' });
    const after = getClaimForViewer(db, target.id, kofi);
    expect(after.verdictHidden).toBe(false);
    expect(after.verdictId).not.toBeNull();

    const editorView = listClaimsForViewer(db, article.id, { userId: u.tom, role: 'editor' });
    expect(editorView.filter((c) => c.verdictId !== null)).toHaveLength(6);
  });
});
