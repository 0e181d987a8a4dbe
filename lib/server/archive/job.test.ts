import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { createTestDb } from '@/db/test-db';
import { users, workspaces } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { addSource } from '@/db/queries/sources';
import { getArchiveJob, latestArchive, latestDoneArchive } from '@/db/queries/source-archives';
import { takeArchive, type ArchiveJobOptions, type ArchiveRenderer } from './job';
import { ArchiveQueue } from './queue';
import { archiveTextPage, archiveViewResponse, ARCHIVED_PAGE_CSP } from './view';
import { htmlText, printableHtml, readableCopy } from './readable';

/** A local site (127.0.0.1, let through by the allow option, not process.env). */
let server: http.Server;
let origin: string;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jobs report | Stats Office</title><base href="http://10.0.0.1/"><meta http-equiv="refresh" content="0;url=http://10.0.0.1/"><script>document.title='pwned'</script></head>
<body><nav><a href="/">Home</a> · <a href="/about">About</a></nav><article><h1>Unemployment fell to 4.1 percent</h1>
${'<p>The statistics office said on Tuesday that unemployment fell to 4.1 percent in October, the lowest figure since records began in 1991. Economists had expected 4.3 percent. <a href="/tables" onclick="x()">Tables</a></p>'.repeat(4)}
<p><img src="http://10.0.0.1/tracker.gif" alt="chart">Discouraged workers are not counted.</p></article><footer>© Stats Office</footer></body></html>`;
const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 0xff]), Buffer.from('\n%%EOF')]);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/report') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/moved') res.writeHead(301, { location: '/report' }).end();
    else if (req.url === '/paper.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF_BYTES);
    else if (req.url === '/fake.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html>not a pdf</html>');
    else if (req.url === '/data.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let db: Db;
let userId: string;
let claimId: string;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db);
  userId = (await db.select().from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!.id;
  const workspaceId = (await db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1))[0]!.id;
  const article = await createArticle(db, { workspaceId, title: 'T', outlet: '', byline: '', url: '', publishedOn: null, language: 'en', sourceCredit: '', text: 'Unemployment fell to 4 percent, the minister said.', createdBy: userId });
  claimId = (await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId })).id;
});

const TAKEN = new Date('2026-11-26T11:40:00Z');
const renders: Array<{ html: string; url: string }> = [];
const fakeRenderer: ArchiveRenderer = async (html, info) => {
  renders.push({ html, url: info.url });
  return new Uint8Array(Buffer.from(`%PDF-fake ${info.url}`));
};
const options = (over: Partial<ArchiveJobOptions> = {}): ArchiveJobOptions => ({ fetchOptions: { allowAddresses: '127.0.0.1/32', timeoutMs: 5000 }, render: fakeRenderer, now: () => TAKEN, log: () => undefined, ...over });

async function sourceAt(path: string) {
  const source = await addSource(db, claimId, { url: `${origin}${path}`, title: '', publisher: '', excerpt: '', accessedOn: null }, userId);
  return { sourceId: source.id, archiveId: source.archive!.id };
}

describe('takeArchive', () => {
  it('keeps the page, its readable text and a PDF rendered from a neutered copy', async () => {
    renders.length = 0;
    const { sourceId, archiveId } = await sourceAt('/moved');
    expect(await takeArchive(db, archiveId, options())).toEqual({ status: 'done', sourceId });
    const row = (await latestDoneArchive(db, sourceId))!;
    expect(row).toMatchObject({ id: archiveId, status: 'done', finalUrl: `${origin}/report`, contentType: 'text/html', error: null });
    expect(row.takenAt?.toISOString()).toBe(TAKEN.toISOString());
    expect(row.html).toBe(PAGE);
    expect(row.title).toMatch(/Unemployment fell to 4\.1 percent|Jobs report/);
    expect(row.readableText).toContain('unemployment fell to 4.1 percent in October');
    expect(row.readableText).not.toContain('Home');
    expect(row.readableHtml).not.toMatch(/onclick|<script|<img|tracker/);
    // Links resolve as the browser would (the page's <base>); they are only links, never fetched.
    expect(row.readableHtml).toContain('href="http://10.0.0.1/tables"');
    expect(Buffer.from(row.pdf!).toString()).toBe(`%PDF-fake ${origin}/report`);
    // What Chromium was given: no <base>, no refresh, no script, and a banner saying what it is.
    const printed = renders[0]!.html;
    expect(printed).not.toMatch(/<base|http-equiv|<script/i);
    expect(printed).toContain(`Archived copy of <b>${origin}/report</b>, taken at 26 Nov 2026, 11:40 UTC`);
    expect(await latestArchive(db, sourceId)).toMatchObject({ status: 'done', hasPdf: true, hasText: true });
  });

  it('keeps a PDF source as it is', async () => {
    const { sourceId, archiveId } = await sourceAt('/paper.pdf');
    expect((await takeArchive(db, archiveId, options())).status).toBe('done');
    const row = (await latestDoneArchive(db, sourceId))!;
    expect(Buffer.compare(Buffer.from(row.pdf!), PDF_BYTES)).toBe(0);
    expect(row).toMatchObject({ contentType: 'application/pdf', html: null, readableText: null, title: 'paper.pdf' });
    // A third party's PDF is downloaded, never shown from the app's origin.
    expect(archiveViewResponse(row, 'pdf')!.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('fails with the reason for people: 404, not a page, a fake PDF, a private address', async () => {
    const gone = await sourceAt('/gone');
    expect((await takeArchive(db, gone.archiveId, options())).status).toBe('failed');
    expect(await latestArchive(db, gone.sourceId)).toMatchObject({ status: 'failed', error: `The page at ${origin}/gone answered 404 Not Found (the page does not exist or was removed).` });

    const json = await sourceAt('/data.json');
    await takeArchive(db, json.archiveId, options());
    expect((await latestArchive(db, json.sourceId))?.error).toMatch(/is not a web page \(it is application\/json\)/);

    const fake = await sourceAt('/fake.pdf');
    await takeArchive(db, fake.archiveId, options());
    expect((await latestArchive(db, fake.sourceId))?.error).toMatch(/says it is a PDF but is not one/);

    const local = await sourceAt('/report');
    await takeArchive(db, local.archiveId, options({ fetchOptions: { allowAddresses: '' } }));
    expect((await latestArchive(db, local.sourceId))?.error).toMatch(/127\.0\.0\.1 is a private network address; Claimdesk only fetches public web pages\./);
  });

  it('a PDF that cannot be rendered leaves the page and text (logged); no renderer, no PDF', async () => {
    const logged: string[] = [];
    const first = await sourceAt('/report');
    await takeArchive(db, first.archiveId, options({ render: () => Promise.reject(new Error('Chromium crashed')), log: (m) => logged.push(m) }));
    expect(await latestArchive(db, first.sourceId)).toMatchObject({ status: 'done', hasPdf: false, hasText: true });
    expect(logged.join()).toMatch(/could not be rendered/);
    const second = await sourceAt('/report');
    await takeArchive(db, second.archiveId, options({ render: null }));
    expect(await latestArchive(db, second.sourceId)).toMatchObject({ status: 'done', hasPdf: false });
  });

  it('skips a copy that is not pending or is gone', async () => {
    const { archiveId } = await sourceAt('/report');
    await takeArchive(db, archiveId, options({ render: null }));
    expect(await takeArchive(db, archiveId, options())).toEqual({ status: 'skipped' });
    expect(await takeArchive(db, 'no-such-archive', options())).toEqual({ status: 'skipped' });
    expect((await getArchiveJob(db, archiveId))?.status).toBe('done');
  });
});

describe('serving a copy', () => {
  it('pdf inline, text in our own page, the page sandboxed; absent parts give null', async () => {
    const { sourceId, archiveId } = await sourceAt('/report');
    await takeArchive(db, archiveId, options());
    const row = (await latestDoneArchive(db, sourceId))!;
    const pdf = archiveViewResponse(row, 'pdf')!;
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; filename="archived-127\.0\.0\.1-2026-11-26\.pdf"$/);
    expect(Buffer.from(await pdf.arrayBuffer()).toString()).toContain('%PDF-fake');
    const page = archiveViewResponse(row, 'page')!;
    expect(page.headers.get('content-security-policy')).toBe(ARCHIVED_PAGE_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await archiveViewResponse(row, 'text')!.text();
    expect(text).toContain('Archived copy</strong> of');
    expect(text).toContain('taken at 26 Nov 2026, 11:40 UTC');
    expect(text).not.toContain('<script');
    expect(archiveViewResponse({ ...row, pdf: null }, 'pdf')).toBeNull();
    expect(archiveViewResponse({ ...row, html: null }, 'page')).toBeNull();
  });

  it('escapes what the page said about itself', () => {
    const html = archiveTextPage({ id: 'a', sourceId: 's', requestedUrl: 'https://x.example/"><script>', finalUrl: null, status: 'done', error: null, contentType: 'text/html', title: '<img src=x onerror=alert(1)>', html: null, readableHtml: '<p>ok</p>', readableText: 'ok', pdf: null, takenAt: TAKEN, createdBy: null, createdAt: TAKEN });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('"><script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('readable helpers', () => {
  it('htmlText separates blocks and keeps line breaks', () => {
    expect(htmlText('<h2>Title</h2><p>One<br>two</p><ul><li>a</li><li>b &amp; c</li></ul>')).toBe('Title\n\nOne\ntwo\n\na\n\nb & c');
    expect(htmlText('')).toBe('');
  });

  it('readableCopy works on a page with no article and on RTL text', () => {
    const copy = readableCopy('<html><head><title>کوتاه</title></head><body><p>متن کوتاه فارسی</p></body></html>', 'https://fa.example/');
    expect(copy.title).toBe('کوتاه');
    expect(copy.text).toBe('متن کوتاه فارسی');
    expect(readableCopy('', 'https://empty.example/').text).toBe('');
  });

  it('printableHtml removes what could reach out and adds the banner', () => {
    const out = printableHtml('<html><head><base href="http://evil/"><link rel="preload" href="http://evil/x"><link rel="preconnect" href="http://10.0.0.1/"><link rel="dns-prefetch" href="//internal.corp"></head><body><iframe src="http://evil/"></iframe><p>x</p></body></html>', { url: 'https://a.example/', takenAt: TAKEN });
    expect(out).not.toMatch(/evil|10\.0\.0\.1|internal\.corp|<link/);
    expect(out).toMatch(/<body><div style="[^"]*">Archived copy of <b>https:\/\/a\.example\/<\/b>/);
  });
});

describe('ArchiveQueue', () => {
  it('runs one job at a time, in order, skips duplicates and survives a failing job', async () => {
    const logged: string[] = [];
    const queue = new ArchiveQueue(1, (m) => logged.push(m));
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const job = (name: string, fail = false) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
      running -= 1;
      if (fail) throw new Error('boom');
    };
    expect(queue.enqueue('a', job('a'))).toBe(true);
    expect(queue.enqueue('b', job('b', true))).toBe(true);
    expect(queue.enqueue('b', job('b again'))).toBe(false);
    expect(queue.enqueue('c', job('c'))).toBe(true);
    // Nothing runs in the caller's turn.
    expect(events).toEqual([]);
    await queue.idle();
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(maxRunning).toBe(1);
    expect(logged).toEqual(['archive job b failed']);
    expect(queue.size).toBe(0);
    expect(queue.enqueue('a', job('a later'))).toBe(true);
    await queue.idle();
    expect(events.at(-1)).toBe('end a later');
  });
});
