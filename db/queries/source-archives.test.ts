import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { sourceArchives, users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { transaction } from '../transaction';
import { createArticle } from './articles';
import { createClaim, getClaim, listClaims } from './claims';
import { addSource, deleteSource, updateSource } from './sources';
import { completeArchive, failArchive, getArchiveJob, isArchivableUrl, latestArchive, latestArchives, latestDoneArchive, recoverPendingArchives, requestArchive, sourceScope } from './source-archives';

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said the figure ignores discouraged workers.';
let db: Db;
let userId: string;
let workspaceId: string;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db);
  userId = (await db.select().from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!.id;
  workspaceId = (await db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1))[0]!.id;
});

async function newClaim() {
  const article = await createArticle(db, { workspaceId, title: 'Test', outlet: '', byline: '', url: 'https://example.com/a', publishedOn: '2026-11-01', language: 'en', sourceCredit: '', text: TEXT, createdBy: userId });
  return createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
}

const fields = (url: string) => ({ url, title: 'Stats', publisher: 'Office', excerpt: '', accessedOn: null });
const copy = (over: Partial<Parameters<typeof completeArchive>[2]> = {}) => ({
  finalUrl: 'https://stats.example/report',
  contentType: 'text/html',
  title: 'Report',
  html: '<html><body><p>Unemployment 4.1%</p></body></html>',
  readableHtml: '<p>Unemployment 4.1%</p>',
  readableText: 'Unemployment 4.1%',
  pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]),
  takenAt: new Date('2026-11-26T11:40:00Z'),
  ...over,
});

describe('isArchivableUrl', () => {
  it('is true only for http(s) URLs with a host', () => {
    expect(isArchivableUrl('https://example.org/x')).toBe(true);
    expect(isArchivableUrl(' http://example.org ')).toBe(true);
    for (const url of ['', null, undefined, 'ftp://example.org', 'javascript:alert(1)', 'example.org', 'mailto:a@b.c', 'http://']) expect(isArchivableUrl(url)).toBe(false);
  });
});

describe('archives asked for with the source', () => {
  it('attaching a source with a web address asks for a copy in the same transaction', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    expect(source.archive).toMatchObject({ status: 'pending', takenAt: null, error: null, hasPdf: false, hasText: false });
    const job = await getArchiveJob(db, source.archive!.id);
    expect(job).toMatchObject({ sourceId: source.id, requestedUrl: 'https://stats.example/report', status: 'pending' });
  });

  it('a source without a web address gets no copy', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields(''), userId);
    expect(source.archive).toBeNull();
    expect(await db.select().from(sourceArchives).where(eq(sourceArchives.sourceId, source.id))).toHaveLength(0);
  });

  it('a changed URL asks for a new copy; other edits keep the copy shown', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    await completeArchive(db, source.archive!.id, copy());
    const retitled = await updateSource(db, source.id, { ...fields('https://stats.example/report'), title: 'New title', version: 1 }, userId);
    expect(retitled.archive).toMatchObject({ id: source.archive!.id, status: 'done', hasPdf: true, hasText: true, takenAt: '2026-11-26T11:40:00.000Z' });
    const moved = await updateSource(db, source.id, { ...fields('https://stats.example/report-v2'), version: 2 }, userId);
    expect(moved.archive).toMatchObject({ status: 'pending' });
    expect(moved.archive!.id).not.toBe(source.archive!.id);
    expect((await getArchiveJob(db, moved.archive!.id))?.requestedUrl).toBe('https://stats.example/report-v2');
    // The done copy of the old URL is still there to view until the new one is taken.
    expect((await latestDoneArchive(db, source.id))?.id).toBe(source.archive!.id);
  });

  it('claims list and single claim carry each source’s newest copy', async () => {
    const claim = await newClaim();
    const a = await addSource(db, claim.id, fields('https://a.example/'), userId);
    const b = await addSource(db, claim.id, fields('https://b.example/'), userId);
    await failArchive(db, b.archive!.id, 'The page at https://b.example/ answered 404 Not Found.');
    const listed = (await listClaims(db, claim.articleId)).find((c) => c.id === claim.id)!;
    expect(listed.sources.map((s) => s.archive?.status)).toEqual(['pending', 'failed']);
    expect(listed.sources[1]!.archive?.error).toMatch(/404/);
    const one = await getClaim(db, claim.id);
    expect(one.sources.find((s) => s.id === a.id)?.archive?.status).toBe('pending');
  });
});

describe('taking and recording copies', () => {
  it('records a done copy once, with its bytes intact; a finished copy cannot be overwritten', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    expect(await completeArchive(db, source.archive!.id, copy())).toBe(true);
    expect(await completeArchive(db, source.archive!.id, copy({ title: 'Second' }))).toBe(false);
    expect(await failArchive(db, source.archive!.id, 'late failure')).toBe(false);
    const row = (await latestDoneArchive(db, source.id))!;
    expect(row.title).toBe('Report');
    expect(Array.from(row.pdf!)).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    expect(row.takenAt?.toISOString()).toBe('2026-11-26T11:40:00.000Z');
    expect(row.readableText).toBe('Unemployment 4.1%');
  });

  it('a failed copy keeps its reason; no done copy means nothing to view', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/gone'), userId);
    expect(await failArchive(db, source.archive!.id, 'The page at https://stats.example/gone answered 404 Not Found.')).toBe(true);
    expect(await latestArchive(db, source.id)).toMatchObject({ status: 'failed', error: 'The page at https://stats.example/gone answered 404 Not Found.', takenAt: null });
    expect(await latestDoneArchive(db, source.id)).toBeNull();
  });

  it('the newest copy is the one shown', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    await completeArchive(db, source.archive!.id, copy());
    const again = await requestArchive(db, source.id, userId);
    expect(again?.created).toBe(true);
    expect((await latestArchive(db, source.id))?.id).toBe(again!.archiveId);
    expect((await latestArchives(db, [source.id, source.id, 'missing'])).size).toBe(1);
    expect(await latestArchives(db, [])).toEqual(new Map());
  });

  it('asking again while a copy of the same URL is pending returns that copy', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    expect(await requestArchive(db, source.id, userId)).toEqual({ archiveId: source.archive!.id, created: false });
    const none = await addSource(db, claim.id, fields(''), userId);
    expect(await requestArchive(db, none.id, userId)).toBeNull();
    expect(await requestArchive(db, 'no-such-source', userId)).toBeNull();
  });

  it('deleting the source deletes its copies', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    await deleteSource(db, source.id, 1, userId);
    expect(await getArchiveJob(db, source.archive!.id)).toBeNull();
    expect(await completeArchive(db, source.archive!.id, copy())).toBe(false);
  });

  it('knows where to announce a source’s copy', async () => {
    const claim = await newClaim();
    const source = await addSource(db, claim.id, fields('https://stats.example/report'), userId);
    expect(await sourceScope(db, source.id)).toEqual({ workspaceId, articleId: claim.articleId, claimId: claim.id });
    expect(await sourceScope(db, 'missing')).toBeNull();
  });
});

describe('recoverPendingArchives', () => {
  it('queues recent leftovers again, fails old ones, leaves fresh and finished ones alone', async () => {
    const claim = await newClaim();
    const ids: string[] = [];
    for (const url of ['https://old.example/', 'https://recent.example/', 'https://fresh.example/', 'https://done.example/']) ids.push((await addSource(db, claim.id, fields(url), userId)).archive!.id);
    const [oldId, recentId, freshId, doneId] = ids as [string, string, string, string];
    const now = Date.now();
    const setCreated = (id: string, at: number) =>
      transaction(db, async (tx) => {
        await tx.update(sourceArchives).set({ createdAt: new Date(at) }).where(eq(sourceArchives.id, id));
      });
    await setCreated(oldId, now - 3 * 24 * 3600_000);
    await setCreated(recentId, now - 10 * 60_000);
    await setCreated(doneId, now - 10 * 60_000);
    await completeArchive(db, doneId, copy());
    const retry = await recoverPendingArchives(db, { olderThan: new Date(now - 2 * 60_000), giveUpBefore: new Date(now - 24 * 3600_000) });
    expect(retry).toEqual([recentId]);
    expect(await getArchiveJob(db, oldId)).toMatchObject({ status: 'failed' });
    expect((await latestArchives(db, [(await getArchiveJob(db, oldId))!.sourceId])).get((await getArchiveJob(db, oldId))!.sourceId)?.error).toMatch(/restarted/);
    expect(await getArchiveJob(db, freshId)).toMatchObject({ status: 'pending' });
    expect(await getArchiveJob(db, doneId)).toMatchObject({ status: 'done' });
  });
});
