import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import type { ImportPreview } from '@/lib/domain/import-preview';
import type { CurrentUser } from '@/lib/domain/users';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { sampleDocx } from '@/lib/import/fixtures/make-docx';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

/**
 * The import preview and article creation below HTTP: the session is stubbed, the database is the
 * demo seed on a test database, web pages come from a local server the fetcher is allowed to reach.
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

const { POST } = await import('./route');
const { POST: CREATE } = await import('../../articles/route');

const ORIGIN = 'http://127.0.0.1:3000';
const NO_PARAMS = { params: Promise.resolve({}) };

let web: http.Server;
let webOrigin = '';
const STORY = `<!doctype html><html lang="fa"><head><meta charset="utf-8"><title>Page title</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"گزارش بودجه","author":{"@type":"Person","name":"Dana Reporter"},"publisher":{"@type":"Organization","name":"Radio Example"},"datePublished":"2026-03-12T10:00:00Z","inLanguage":"fa"}</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>گزارش بودجه</h1><h2>بخش اول</h2><p>${'بودجه شهر امسال دوازده درصد افزایش یافت. '.repeat(12)}<a href="/report">گزارش</a></p>
<p>${'The council said the budget grew by 12 percent this year. '.repeat(10)}</p><script>alert(1)</script></article></body></html>`;

beforeAll(async () => {
  web = http.createServer((req, res) => {
    if (req.url === '/story') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STORY);
    if (req.url === '/moved') return void res.writeHead(302, { location: '/story' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/data.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webOrigin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => web.close(() => resolve()));
});

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  vi.stubEnv('CLAIMDESK_FETCH_ALLOW_ADDRESSES', '127.0.0.0/8');
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  signedIn = null;
  vi.unstubAllEnvs();
});

const as = (userId: string) => {
  signedIn = { id: userId, email: '', name: '', sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
};
const previewJson = (body: unknown) => POST(new Request(`${ORIGIN}/api/imports/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), NO_PARAMS);
function previewFile(name: string, data: BlobPart, type = '', query = true) {
  const form = new FormData();
  form.set('workspaceId', f.workspaceId);
  form.set('file', new File([data], name, { type }));
  return POST(new Request(`${ORIGIN}/api/imports/preview${query ? `?workspaceId=${f.workspaceId}` : ''}`, { method: 'POST', body: form }), NO_PARAMS);
}
const create = (body: unknown) => CREATE(new Request(`${ORIGIN}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), NO_PARAMS);

async function fieldError(response: Response): Promise<{ status: number; field?: string; message: string }> {
  const body = (await response.json()) as { error: { message: string; details?: { fields?: Array<{ path: string }> } } };
  return { status: response.status, field: body.error.details?.fields?.[0]?.path, message: body.error.message };
}

async function articleCount(): Promise<number> {
  const [row] = await f.db.select({ n: count() }).from(articles);
  return Number(row!.n);
}

const blockTypes = (p: ImportPreview) => (p.doc.content ?? []).map((b) => b.type);

describe('POST /api/imports/preview', () => {
  it('previews pasted rich text with its structure, sanitised, and counts it', async () => {
    as(f.u.tom);
    const response = await previewJson({ workspaceId: f.workspaceId, format: 'rich-text', html: '<h2 onclick="x()">Budget</h2><p>See <a href="https://example.org/r">the report</a> <img src=x onerror=alert(1)>.</p><script>alert(1)</script>', text: 'Budget\nSee the report.' });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as ImportPreview;
    expect(preview.format).toBe('rich-text');
    expect(blockTypes(preview)).toEqual(['heading', 'paragraph']);
    expect(JSON.stringify(preview.doc)).not.toMatch(/onclick|onerror|script|alert/);
    expect(preview.stats).toEqual({ words: 4, paragraphs: 1, headings: 1, links: 1 });
    expect(preview.url).toBeNull();
  });

  it('previews a Markdown and a .docx upload; a file without a title is named after the file', async () => {
    as(f.u.tom);
    const md = (await (await previewFile('council notes.md', '## Budget\n\n- one\n- two\n\n[report](https://example.org/r)\n')).json()) as ImportPreview;
    expect(md.format).toBe('markdown');
    expect(blockTypes(md)).toEqual(['heading', 'bulletList', 'paragraph']);
    expect(md.metadata.title).toBe('council notes');
    const docx = await previewFile('bridge.docx', new Uint8Array(await sampleDocx()), '', false);
    expect(docx.status).toBe(200);
    const preview = (await docx.json()) as ImportPreview;
    expect(preview.format).toBe('docx');
    expect(blockTypes(preview)).toContain('orderedList');
    expect(preview.stats.headings).toBeGreaterThan(0);
  });

  it('previews a web page from its final URL, with its JSON-LD metadata', async () => {
    as(f.u.tom);
    const response = await previewJson({ workspaceId: f.workspaceId, format: 'url', url: `${webOrigin}/moved` });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as ImportPreview;
    expect(preview.format).toBe('url');
    expect(preview.url).toBe(`${webOrigin}/story`);
    expect(preview.metadata).toMatchObject({ title: 'گزارش بودجه', byline: 'Dana Reporter', outlet: 'Radio Example', publishedOn: '2026-03-12', language: 'fa' });
    expect(JSON.stringify(preview.doc)).toContain(`${webOrigin}/report`);
    expect(JSON.stringify(preview.doc)).not.toContain('alert');
  });

  it('answers bad input with 422 on the field it came from, never 500', async () => {
    as(f.u.tom);
    const cases: Array<[Promise<Response>, string, RegExp]> = [
      [previewJson({ workspaceId: f.workspaceId, format: 'text', text: '  \n\n ' }), 'text', /No article text/],
      [previewJson({ workspaceId: f.workspaceId, format: 'rich-text', html: '<img src=x><script>x</script>' }), 'text', /No article text/],
      [previewFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'), 'file', /not a supported file type|image/i],
      [previewFile('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), 'file', /not plain text/],
      [previewFile('broken.docx', 'this is not a zip'), 'file', /.+/],
      [previewFile('empty.md', ''), 'file', /The file is empty/],
      [previewJson({ workspaceId: f.workspaceId, format: 'url', url: `${webOrigin}/loop` }), 'url', /redirect/i],
      [previewJson({ workspaceId: f.workspaceId, format: 'url', url: `${webOrigin}/data.json` }), 'url', /.+/],
      [previewJson({ workspaceId: f.workspaceId, format: 'url', url: 'http://127.0.0.1:9/closed' }), 'url', /.+/],
      [previewJson({ workspaceId: f.workspaceId, format: 'url', url: 'javascript:alert(1)' }), 'url', /web address/],
    ];
    for (const [response, field, message] of cases) {
      const error = await fieldError(await response);
      expect(error, JSON.stringify(error)).toMatchObject({ status: 422, field });
      expect(error.message).toMatch(message);
    }
  });

  it('refuses a private address when the environment allows none', async () => {
    as(f.u.tom);
    vi.stubEnv('CLAIMDESK_FETCH_ALLOW_ADDRESSES', '');
    const error = await fieldError(await previewJson({ workspaceId: f.workspaceId, format: 'url', url: `${webOrigin}/story` }));
    expect(error).toMatchObject({ status: 422, field: 'url' });
  });

  it('refuses an oversized upload by its Content-Length with 413, without waiting for it', async () => {
    as(f.u.tom);
    // An upload that never ends: reading it whole would never answer.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request(`${ORIGIN}/api/imports/preview?workspaceId=${f.workspaceId}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_IMPORT_BYTES + 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit);
    const error = await fieldError(await POST(request, NO_PARAMS));
    expect(error).toMatchObject({ status: 413, field: 'file' });
    expect(error.message).toMatch(/larger than 10 MB/);
  });

  it('lets only members who may create articles preview, before reading an upload', async () => {
    as(f.u.ana); // reviewer
    expect((await previewJson({ workspaceId: f.workspaceId, format: 'text', text: 'Hello.' })).status).toBe(403);
    expect((await previewFile('a.md', '# A')).status).toBe(403);
    as(f.u.omar); // another workspace's owner
    expect((await previewJson({ workspaceId: f.workspaceId, format: 'text', text: 'Hello.' })).status).toBe(404);
    signedIn = null;
    expect((await previewJson({ workspaceId: f.workspaceId, format: 'text', text: 'Hello.' })).status).toBe(401);
  });

  it('refuses someone who may import nowhere without reading the body at all', async () => {
    as(f.u.ana); // reviewer
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode('{"workspaceId":"x"'));
        controller.close();
      },
    }, { highWaterMark: 0 }); // pulled only when someone reads it
    const response = await POST(new Request(`${ORIGIN}/api/imports/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit), NO_PARAMS);
    expect(response.status).toBe(403);
    expect(pulled).toBe(false);
  });
});

describe('POST /api/articles with a previewed document', () => {
  it('creates the article from the preview, URL articles keeping the fetched URL', async () => {
    as(f.u.tom);
    const preview = (await (await previewJson({ workspaceId: f.workspaceId, format: 'url', url: `${webOrigin}/moved` })).json()) as ImportPreview;
    const response = await create({ workspaceId: f.workspaceId, title: preview.metadata.title, outlet: preview.metadata.outlet, byline: preview.metadata.byline, url: preview.url, publishedOn: preview.metadata.publishedOn, language: preview.metadata.language, doc: preview.doc, importFormat: preview.format });
    expect(response.status).toBe(201);
    const { article } = (await response.json()) as { article: { id: string } };
    const [row] = await f.db.select().from(articles).where(eq(articles.id, article.id));
    expect(row).toMatchObject({ importFormat: 'url', url: `${webOrigin}/story`, byline: 'Dana Reporter', language: 'fa' });
    expect(row!.docJson).toEqual(preview.doc);
  });

  it('refuses a tampered or empty document with 422 and creates nothing', async () => {
    as(f.u.tom);
    const before = await articleCount();
    const bad = await fieldError(await create({ workspaceId: f.workspaceId, title: 'X', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }, importFormat: 'html' }));
    expect(bad).toMatchObject({ status: 422, field: 'doc' });
    const empty = await fieldError(await create({ workspaceId: f.workspaceId, title: 'X', doc: { type: 'doc', content: [{ type: 'paragraph' }] }, importFormat: 'docx' }));
    expect(empty).toMatchObject({ status: 422, field: 'doc', message: 'The article has no text.' });
    expect(await articleCount()).toBe(before);
  });
});
