import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { articlePublications, articles, claims, sources, users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { findAnnotation } from './annotations';
import { getArticle } from './articles';
import { createClaim } from './claims';
import { buildReportViewModel, findArticleForExport } from './report';
import { toPublicView } from '@/lib/publishing/public-view';
import { loadW3cSuite, runW3cSuite } from '@/test/fixtures/w3c-suite';

const APP_URL = 'http://claimdesk.test';
const NOW = new Date('2026-12-01T12:00:00Z');

type Viewer = () => Promise<string | null>;
const signedOut: Viewer = () => Promise.resolve(null);

/** A freshly seeded database and handy lookups on it. */
async function demo() {
  const db = await createTestDb();
  await seedDemo(db);
  const demoId = (await findArticleForExport(db, 'demo')).id;
  const workspaceId = (await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1))[0]!.id;
  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]!.id;
  const people = { ana: await userId('ana@claimdesk.demo'), vera: await userId('vera@claimdesk.demo'), tom: await userId('tom@claimdesk.demo'), omar: await userId('omar@other.demo') };
  const as = (name: keyof typeof people): Viewer => () => Promise.resolve(people[name]);
  const find = (claimId: string, viewer: Viewer = signedOut) => findAnnotation(db, { claimId, appUrl: `${APP_URL}/`, viewer, now: NOW });
  const claimsOf = (articleId: string) => db.select({ id: claims.id, number: claims.number }).from(claims).where(eq(claims.articleId, articleId)).orderBy(claims.number);

  /** Publishes by hand as the publication queries do: status, date, a `published` row holding the public snapshot. */
  const publishByHand = async (articleId: string, at: Date) => {
    const internal = await buildReportViewModel(db, articleId, { appUrl: APP_URL, now: at });
    const snapshot = toPublicView(internal, { firstPublishedAt: at.toISOString(), lastPublishedAt: at.toISOString(), corrections: [], retraction: null });
    await transaction(db, async (tx) => {
      await tx.update(articles).set({ status: 'published', firstPublishedAt: at }).where(eq(articles.id, articleId));
      await tx.insert(articlePublications).values({ workspaceId, articleId, sequence: 1, kind: 'published', workspaceSlug: 'demo-desk', articleSlug: internal.article.slug, snapshot, createdAt: at });
    });
  };
  return { db, demoId, workspaceId, people, as, find, claimsOf, publishByHand };
}

describe('findAnnotation: an unpublished article', () => {
  let t: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    t = await demo();
  });

  it('is served to members of its workspace only, with the dereferenceable id', async () => {
    const [claim] = await t.claimsOf(t.demoId);
    for (const member of ['ana', 'vera'] as const) {
      const found = await t.find(claim!.id, t.as(member));
      expect(found?.visibility).toBe('members');
      expect(found?.annotation.id).toBe(`${APP_URL}/annotations/${claim!.id}`);
      expect(found?.annotation['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    }
    expect(await t.find(claim!.id)).toBeNull();
    // A member of another workspace learns nothing, exactly as for an unknown id.
    expect(await t.find(claim!.id, t.as('omar'))).toBeNull();
    expect(await t.find('6e8bc430-9c3a-41d9-9669-0800200c9a66', t.as('ana'))).toBeNull();
  });

  it('holds what the W3C export holds: public sources only, no annotation for an excluded claim', async () => {
    const [first, second] = await t.claimsOf(t.demoId);
    await transaction(t.db, async (tx) => {
      await tx.insert(sources).values([
        { claimId: first!.id, url: 'https://public.example/report', title: 'Public', isPublic: true, position: 50 },
        { claimId: first!.id, url: 'https://tip.example/confidential', title: 'Tip', position: 51 },
      ]);
      await tx.update(claims).set({ exclusionReason: 'Not a factual claim.' }).where(eq(claims.id, second!.id));
    });
    const json = JSON.stringify((await t.find(first!.id, t.as('ana')))?.annotation);
    expect(json).toContain('https://public.example/report');
    expect(json).not.toContain('tip.example');
    expect(await t.find(second!.id, t.as('ana'))).toBeNull();
  });

  it('serves the seeded published fact-check to anyone, without asking who is there', async () => {
    const [published] = await t.db.select({ id: articles.id }).from(articles).where(and(eq(articles.workspaceId, t.workspaceId), eq(articles.status, 'published')));
    expect(published).toBeDefined();
    const [claim] = await t.claimsOf(published!.id);
    const viewer = vi.fn(signedOut);
    const found = await t.find(claim!.id, viewer);
    expect(found?.visibility).toBe('public');
    expect(found?.annotation.id).toBe(`${APP_URL}/annotations/${claim!.id}`);
    expect(viewer).not.toHaveBeenCalled();
    for (const assertions of [loadW3cSuite('annotations/annotationMusts.test'), loadW3cSuite('annotations/annotationMusts.test', { ignoreKeywordsWithRef: true })]) {
      expect(runW3cSuite(assertions, found?.annotation).filter((r) => r.outcome === 'fail')).toEqual([]);
    }
  });
});

describe('findAnnotation: a published article', () => {
  it('serves its snapshot: kept while reopened, new claims members-only, and marked once retracted', async () => {
    const t = await demo();
    const [claim] = await t.claimsOf(t.demoId);
    await t.publishByHand(t.demoId, new Date('2026-11-20T10:00:00Z'));
    const atPublication = await t.find(claim!.id);
    expect(atPublication?.visibility).toBe('public');
    expect(atPublication?.annotation.id).toBe(`${APP_URL}/annotations/${claim!.id}`);

    // Reopened for correction and edited: the public annotation stays the published one.
    await transaction(t.db, async (tx) => {
      await tx.update(articles).set({ status: 'in_review' }).where(eq(articles.id, t.demoId));
      await tx.insert(articlePublications).values({ workspaceId: t.workspaceId, articleId: t.demoId, sequence: 2, kind: 'reopened', note: 'Fix', workspaceSlug: 'demo-desk', articleSlug: 'demo', createdAt: new Date('2026-11-21T10:00:00Z') });
      await tx.update(claims).set({ rationale: 'A rewritten rationale, not yet published.' }).where(eq(claims.id, claim!.id));
    });
    const reopened = await t.find(claim!.id, t.as('omar'));
    expect(reopened).toEqual(atPublication);
    expect(JSON.stringify(reopened)).not.toContain('not yet published');

    // A claim marked after the publication is not in the snapshot: its workspace's members only.
    const article = await getArticle(t.db, t.demoId);
    const added = await createClaim(t.db, { articleId: t.demoId, revision: article.revision, start: 0, end: 8, actorId: t.people.tom });
    expect(await t.find(added.id)).toBeNull();
    expect((await t.find(added.id, t.as('ana')))?.visibility).toBe('members');

    // Retracted: still answered at the same id, saying it was retracted.
    await transaction(t.db, async (tx) => {
      await tx.update(articles).set({ status: 'retracted' }).where(eq(articles.id, t.demoId));
      await tx.insert(articlePublications).values({ workspaceId: t.workspaceId, articleId: t.demoId, sequence: 3, kind: 'retracted', note: 'The quotes were misattributed.', workspaceSlug: 'demo-desk', articleSlug: 'demo', createdAt: new Date('2026-11-22T10:00:00Z') });
    });
    const retracted = await t.find(claim!.id);
    expect(retracted?.visibility).toBe('public');
    expect(retracted?.annotation.body).toContainEqual({ type: 'TextualBody', value: 'This fact-check was retracted on 22 November 2026. The quotes were misattributed.', purpose: 'describing', format: 'text/plain' });
  });

  it('serves an article published before publications were recorded (no snapshot) from its live public view', async () => {
    const t = await demo();
    const [claim, other] = await t.claimsOf(t.demoId);
    await transaction(t.db, async (tx) => {
      await tx.update(articles).set({ status: 'published', firstPublishedAt: new Date('2026-01-01T00:00:00Z') }).where(eq(articles.id, t.demoId));
      await tx.update(claims).set({ exclusionReason: 'Out of scope.' }).where(eq(claims.id, other!.id));
    });
    const found = await t.find(claim!.id);
    expect(found?.visibility).toBe('public');
    expect(found?.annotation.id).toBe(`${APP_URL}/annotations/${claim!.id}`);
    expect(await t.find(other!.id)).toBeNull();
    expect(await t.find(other!.id, t.as('ana'))).toBeNull();
  });
});
