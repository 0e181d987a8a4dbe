import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import { transaction } from '@/db/transaction';
import type { CurrentUser } from '@/lib/domain/users';
import { PREVIEW_CSP } from '@/lib/publishing/public-page/headers';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

/**
 * The preview route below HTTP: the session is stubbed (a signed-in demo member, or none), the
 * database is the demo seed on a test database (getDb() hands out the handle on globalThis).
 */

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

let f: ReviewFixture;
let articleId: string;
beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  articleId = (await f.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, 'demo')).limit(1))[0]!.id;
  vi.stubEnv('NEXTAUTH_URL', 'https://desk.example.org');
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  signedIn = null;
  vi.unstubAllEnvs();
});

const as = (userId: string) => {
  signedIn = { id: userId, email: '', name: '', sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
};
const preview = (query = '') => GET(new Request(`http://127.0.0.1:3000/api/articles/${articleId}/publication/preview${query}`), { params: Promise.resolve({ articleId }) });

describe('GET /api/articles/:id/publication/preview', () => {
  it('renders the public page that publishing would make, with the banner, noindex and preview headers', async () => {
    as(f.u.vera); // a viewer may read the article, so may see its preview
    const response = await preview();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await response.text();
    expect(html).toContain('Preview — not yet published');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('Khamenei');
    // Links stay inside the preview; the canonical link names the future public page.
    expect(html).toContain(`href="/api/articles/${articleId}/publication/preview?claim=1"`);
    expect(html).toContain('<link rel="canonical" href="https://desk.example.org/fact-checks/demo-desk/demo"/>');
  });

  it('shows a claim page, and 404 for a claim number it has no page for', async () => {
    as(f.u.tom);
    const claim = await preview('?claim=1');
    expect(claim.status).toBe(200);
    expect(await claim.text()).toContain('href="/api/articles/');
    for (const query of ['?claim=99', '?claim=0', '?claim=abc']) {
      const missing = await preview(query);
      expect(missing.status, query).toBe(404);
      expect(await missing.text()).toContain('Fact-check not found');
    }
  });

  it('carries the correction note being written (a republication), kept in its links', async () => {
    as(f.u.tom);
    // Published before: the preview is of a correction, which shows its note.
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ firstPublishedAt: new Date('2026-01-10T09:00:00Z') }).where(eq(articles.id, articleId));
    });
    const html = await (await preview(`?note=${encodeURIComponent('Fixed <the> date.')}`)).text();
    expect(html).toContain('Fixed &lt;the&gt; date.');
    expect(html).toContain(`?claim=1&amp;note=Fixed%20%3Cthe%3E%20date.`);
    expect((await preview(`?note=${'x'.repeat(2001)}`)).status).toBe(422);
  });

  it('answers 401 signed out and 404 to a non-member', async () => {
    expect((await preview()).status).toBe(401);
    as(f.u.omar);
    expect((await preview()).status).toBe(404);
  });
});
