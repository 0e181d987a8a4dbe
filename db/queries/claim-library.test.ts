import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { claimLibraryItems, searchDocs, sources } from '../schema';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { parseClaimReviews, type ParsedLibraryItem } from '@/lib/claim-review/parse';
import { seedDemoLibrary } from '../seed/claim-library';
import { claimReviewFeed, deleteLibraryItem, importLibraryItems, listLibraryItems, previewLibraryImport } from './claim-library';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const item = (over: Partial<ParsedLibraryItem> = {}): ParsedLibraryItem => ({
  url: 'https://checks.example.org/a',
  claimReviewed: 'The bridge cost two billion dollars.',
  claimant: 'Mayor Example',
  claimDate: '2024-03-01',
  claimAppearance: null,
  reviewOrg: 'Example Checks',
  reviewOrgUrl: 'https://checks.example.org/',
  ratingName: 'False',
  ratingValue: 1,
  bestRating: 5,
  worstRating: 1,
  reviewDate: '2024-03-04',
  language: 'en',
  ...over,
});

const rowsOf = (workspaceId: string) => f.db.select().from(claimLibraryItems).where(eq(claimLibraryItems.workspaceId, workspaceId));

describe('importLibraryItems', () => {
  it('creates, then updates by URL (version + 1) instead of duplicating, and leaves unchanged items alone', async () => {
    const ws = f.otherWorkspaceId;
    expect(await importLibraryItems(f.db, ws, [item(), item({ url: 'https://checks.example.org/b', ratingValue: 0.1 })], f.u.omar)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [before] = (await rowsOf(ws)).filter((r) => r.url.endsWith('/a'));
    expect(before).toMatchObject({ version: 1, importedBy: f.u.omar, claimant: 'Mayor Example' });

    expect(await previewLibraryImport(f.db, ws, [item({ ratingName: 'Mostly false' }), item({ url: 'https://checks.example.org/b', ratingValue: 0.1 }), item({ url: 'https://checks.example.org/c' })])).toEqual({
      actions: ['update', 'unchanged', 'create'],
      counts: { created: 1, updated: 1, unchanged: 1 },
    });
    // The preview wrote nothing.
    expect(await rowsOf(ws)).toHaveLength(2);

    expect(await importLibraryItems(f.db, ws, [item({ ratingName: 'Mostly false' }), item({ url: 'https://checks.example.org/b', ratingValue: 0.1 })], f.u.omar)).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const rows = await rowsOf(ws);
    expect(rows).toHaveLength(2);
    const after = rows.find((r) => r.url.endsWith('/a'))!;
    expect(after).toMatchObject({ id: before!.id, version: 2, ratingName: 'Mostly false' });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
  });

  it('keeps workspaces apart: the same URL in two workspaces is two items', async () => {
    await importLibraryItems(f.db, f.otherWorkspaceId, [item()], f.u.omar);
    const demoBefore = (await rowsOf(f.workspaceId)).length;
    expect(await importLibraryItems(f.db, f.workspaceId, [item()], f.u.tom)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await rowsOf(f.workspaceId)).toHaveLength(demoBefore + 1);
    expect(await rowsOf(f.otherWorkspaceId)).toHaveLength(1);
  });

  it('is all or nothing: a failing item rolls back the items before it', async () => {
    const ws = f.otherWorkspaceId;
    // A claim longer than any column allows cannot fail on SQLite; an unknown actor (foreign key) fails on both.
    await expect(importLibraryItems(f.db, ws, [item(), item({ url: 'https://checks.example.org/b' })], 'no-such-user')).rejects.toThrow();
    expect(await rowsOf(ws)).toHaveLength(0);
  });

  it('indexes the items for search (triggers) and drops them from the index on delete', async () => {
    const ws = f.otherWorkspaceId;
    await importLibraryItems(f.db, ws, [item()], f.u.omar);
    const [row] = await rowsOf(ws);
    const docs = await f.db.select().from(searchDocs).where(and(eq(searchDocs.kind, 'library'), eq(searchDocs.libraryItemId, row!.id)));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.body).toContain('bridge cost two billion');
    await deleteLibraryItem(f.db, ws, row!.id, row!.version);
    expect(await rowsOf(ws)).toHaveLength(0);
    expect(await f.db.select().from(searchDocs).where(eq(searchDocs.libraryItemId, row!.id))).toHaveLength(0);
  });
});

describe('listLibraryItems / deleteLibraryItem', () => {
  it('lists newest review first, filters by words (case-insensitive, LIKE wildcards literal), pages', async () => {
    const ws = f.otherWorkspaceId;
    await importLibraryItems(
      f.db,
      ws,
      [
        item({ url: 'https://c.example.org/1', claimReviewed: 'Unemployment fell to 3%', reviewDate: '2024-01-01', claimant: 'Minister A' }),
        item({ url: 'https://c.example.org/2', claimReviewed: 'Crime doubled_in two years', reviewDate: '2024-05-01' }),
        item({ url: 'https://c.example.org/3', claimReviewed: 'No date here', reviewDate: null }),
      ],
      f.u.omar,
    );
    const all = await listLibraryItems(f.db, ws, { limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.url)).toEqual(['https://c.example.org/2', 'https://c.example.org/1', 'https://c.example.org/3']);
    expect((await listLibraryItems(f.db, ws, { q: 'MINISTER unemployment', limit: 10, offset: 0 })).items.map((i) => i.url)).toEqual(['https://c.example.org/1']);
    expect((await listLibraryItems(f.db, ws, { q: '3%', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listLibraryItems(f.db, ws, { q: '%', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listLibraryItems(f.db, ws, { q: 'doubled_in', limit: 10, offset: 0 })).total).toBe(1);
    const page2 = await listLibraryItems(f.db, ws, { limit: 1, offset: 1 });
    expect(page2).toMatchObject({ total: 3, items: [expect.objectContaining({ url: 'https://c.example.org/1' })] });
  });

  it('refuses a stale version (409) and an item of another workspace (404)', async () => {
    await importLibraryItems(f.db, f.otherWorkspaceId, [item()], f.u.omar);
    const [row] = await rowsOf(f.otherWorkspaceId);
    expect((await catchAppError(() => deleteLibraryItem(f.db, f.otherWorkspaceId, row!.id, row!.version + 1))).code).toBe('conflict');
    expect((await catchAppError(() => deleteLibraryItem(f.db, f.workspaceId, row!.id, row!.version))).code).toBe('not_found');
    expect(await rowsOf(f.otherWorkspaceId)).toHaveLength(1);
  });
});

describe('seedDemoLibrary', () => {
  it('imports the demo ClaimReviews once; running again changes nothing', async () => {
    const ws = f.otherWorkspaceId;
    const first = await seedDemoLibrary(f.db, ws, f.u.omar);
    expect(first.created).toBeGreaterThanOrEqual(4);
    expect(await seedDemoLibrary(f.db, ws, f.u.omar)).toEqual({ created: 0, updated: 0, unchanged: first.created });
    const listed = await listLibraryItems(f.db, ws, { q: 'Islamic State', limit: 10, offset: 0 });
    expect(listed.items.some((i) => i.claimant === 'Ali Khamenei' && /example/i.test(i.reviewOrg))).toBe(true);
  });
});

describe('claimReviewFeed', () => {
  it('holds one ClaimReview per final verdict of the published fact-check only, nothing internal, and round-trips through the parser', async () => {
    const { feed, workspaceSlug } = await claimReviewFeed(f.db, f.workspaceId, 'https://desk.example');
    expect(workspaceSlug).toBe('demo-desk');
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement.length).toBeGreaterThan(0);
    for (const review of feed.dataFeedElement) {
      expect(review['@type']).toBe('ClaimReview');
      expect(review.url).toMatch(/^https:\/\/desk\.example\/fact-checks\/demo-desk\/city-budget-fact-check\/claims\/\d+$/);
      expect(review).not.toHaveProperty('creativeWorkStatus');
    }
    const text = JSON.stringify(feed);
    // The demo article (in review, not published) is not in it, nor any internal source.
    expect(text).not.toMatch(/Islamic State|Khamenei/);
    const internal = await f.db.select({ title: sources.title, excerpt: sources.excerpt }).from(sources).where(eq(sources.isPublic, false));
    for (const source of internal) {
      if (source.title) expect(text).not.toContain(source.title);
    }
    const parsed = parseClaimReviews(JSON.parse(text));
    expect(parsed.errors).toEqual([]);
    expect(parsed.items).toHaveLength(feed.dataFeedElement.length);
    expect(parsed.items[0]).toMatchObject({ reviewOrg: 'Claimdesk Demo Desk', url: feed.dataFeedElement[0]!.url });
    expect(parsed.items.every((i) => i.ratingName !== '' && i.reviewDate !== null)).toBe(true);
  });

  it('is empty for a workspace with nothing published', async () => {
    const { feed } = await claimReviewFeed(f.db, f.otherWorkspaceId, 'https://desk.example');
    expect(feed.dataFeedElement).toEqual([]);
    expect(parseClaimReviews(feed).fatal).toMatch(/No ClaimReview/);
  });
});
