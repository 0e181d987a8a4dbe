import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Db } from '@/db/client';
import { createTestDb } from '@/db/test-db';
import { users, workspaces } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { addSource } from '@/db/queries/sources';
import { completeArchive, failArchive, getArchiveJob } from '@/db/queries/source-archives';
import { SourceItem } from '@/lib/export/report-html/sources';
import type { ReportSource, ReportViewModel } from '@/lib/export/view-model';
import { publicArchiveUrl, publicSourceIds, withArchiveLinks } from './public-links';

let db: Db;
let claimId: string;
let userId: string;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db);
  userId = (await db.select().from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!.id;
  const workspaceId = (await db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1))[0]!.id;
  const article = await createArticle(db, { workspaceId, title: 'T', outlet: '', byline: '', url: '', publishedOn: null, language: 'en', sourceCredit: '', text: 'Unemployment fell to 4 percent, the minister said.', createdBy: userId });
  claimId = (await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId })).id;
});

const source = (id: string, isPublic: boolean): ReportSource => ({ id, url: 'https://stats.example/', title: 'Stats', publisher: '', excerpt: '', accessedOn: null, isPublic });
const snapshotWith = (sources: ReportSource[]) => ({ claims: [{ sources }] }) as unknown as ReportViewModel;
const place = { appUrl: 'https://desk.example/', workspaceSlug: 'demo-desk', articleSlug: 'the-story' };
const taken = { finalUrl: 'https://stats.example/', contentType: 'text/html', title: 'Stats', html: '<p>x</p>', readableHtml: '<p>x</p>', readableText: 'x', takenAt: new Date('2026-11-26T11:40:00Z') };

describe('withArchiveLinks', () => {
  it('links public sources with a taken copy (PDF first, else text); not internal ones, pending or failed ones', async () => {
    const mk = async () => (await addSource(db, claimId, { url: 'https://stats.example/', title: 'S', publisher: '', excerpt: '', accessedOn: null, isPublic: true }, userId)).archive!;
    const [withPdf, textOnly, internal, failed, pending] = [await mk(), await mk(), await mk(), await mk(), await mk()];
    const sourceIdOf = async (archiveId: string) => (await getArchiveJob(db, archiveId))!.sourceId;
    await completeArchive(db, withPdf.id, { ...taken, pdf: new Uint8Array([37, 80, 68, 70]) });
    await completeArchive(db, textOnly.id, { ...taken, pdf: null });
    await completeArchive(db, internal.id, { ...taken, pdf: null });
    await failArchive(db, failed.id, 'gone');
    const [pdfId, textId, internalId, failedId, pendingId] = await Promise.all([withPdf, textOnly, internal, failed, pending].map((a) => sourceIdOf(a.id)));
    const snapshot = snapshotWith([source(pdfId!, true), source(textId!, true), source(internalId!, false), source(failedId!, true), source(pendingId!, true)]);
    expect(publicSourceIds(snapshot)).toEqual([pdfId, textId, failedId, pendingId]);
    const linked = (await withArchiveLinks(db, snapshot, place)).claims[0]!.sources;
    expect(linked.map((s) => s.archiveUrl ?? null)).toEqual([
      `https://desk.example/fact-checks/demo-desk/the-story/sources/${pdfId}/archive?as=pdf`,
      `https://desk.example/fact-checks/demo-desk/the-story/sources/${textId}/archive?as=text`,
      null,
      null,
      null,
    ]);
    // The snapshot itself is not changed.
    expect(snapshot.claims[0]!.sources[0]!.archiveUrl).toBeUndefined();
  });

  it('links only a copy of the URL the snapshot published, not of a URL the source was changed to since', async () => {
    const archive = (await addSource(db, claimId, { url: 'https://stats.example/new', title: 'S', publisher: '', excerpt: '', accessedOn: null, isPublic: true }, userId)).archive!;
    await completeArchive(db, archive.id, { ...taken, pdf: null });
    const sourceId = (await getArchiveJob(db, archive.id))!.sourceId;
    // The snapshot published the source with https://stats.example/ (see source()); the copy is of …/new.
    const linked = (await withArchiveLinks(db, snapshotWith([source(sourceId, true)]), place)).claims[0]!.sources;
    expect(linked[0]!.archiveUrl).toBeUndefined();
    expect((await withArchiveLinks(db, snapshotWith([{ ...source(sourceId, true), url: 'https://stats.example/new' }]), place)).claims[0]!.sources[0]!.archiveUrl).toContain(`/sources/${sourceId}/archive?as=text`);
  });

  it('leaves a snapshot without public sources alone', async () => {
    const snapshot = snapshotWith([source('x', false)]);
    expect(await withArchiveLinks(db, snapshot, place)).toBe(snapshot);
  });
});

describe('the link on the page', () => {
  it('shows "archived copy" only with an http(s) archive URL', () => {
    const url = publicArchiveUrl('https://desk.example', 'w', 'a b', 's1', 'pdf');
    expect(url).toBe('https://desk.example/fact-checks/w/a%20b/sources/s1/archive?as=pdf');
    const html = renderToStaticMarkup(createElement(SourceItem, { source: { ...source('s1', true), archiveUrl: url }, internalReport: false }));
    expect(html).toContain(`<a href="${url.replace(/&/g, '&amp;')}">archived copy</a>`);
    expect(renderToStaticMarkup(createElement(SourceItem, { source: source('s1', true), internalReport: false }))).not.toContain('archived copy');
    expect(renderToStaticMarkup(createElement(SourceItem, { source: { ...source('s1', true), archiveUrl: 'javascript:alert(1)' }, internalReport: false }))).not.toContain('archived copy');
  });
});
