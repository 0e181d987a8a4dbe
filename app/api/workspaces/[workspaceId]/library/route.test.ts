import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { claimLibraryItems } from '@/db/schema';
import type { CurrentUser } from '@/lib/domain/users';
import type { LibraryImportResponse, LibraryPreviewResponse } from '@/lib/claim-review/import-response';
import { MAX_CLAIM_REVIEW_BYTES, parseClaimReviews } from '@/lib/claim-review/parse';
import type { LibraryItemDto } from '@/lib/search/types';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

/** The claim library routes below HTTP: the session is stubbed, the database is the demo seed. */

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

const { GET, POST } = await import('./route');
const { DELETE } = await import('./[itemId]/route');
const { GET: FEED } = await import('../claim-review-feed/route');

const ORIGIN = 'http://127.0.0.1:3000';
const DEMO_FILE = fs.readFileSync(path.join(process.cwd(), 'fixtures', 'demo', 'claim-reviews.json'), 'utf8');
const HOSTILE_FILE = fs.readFileSync(path.join(process.cwd(), 'lib', 'claim-review', 'fixtures', 'hostile.json'), 'utf8');

let f: ReviewFixture;
let ws: string;
beforeEach(async () => {
  f = await reviewFixture();
  ws = f.otherWorkspaceId;
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  signedIn = null;
});

const as = (userId: string) => {
  signedIn = { id: userId, email: '', name: '', sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
};
const params = (workspaceId = ws) => ({ params: Promise.resolve({ workspaceId }) });
const postText = (text: string, query = '', workspaceId = ws) =>
  POST(new Request(`${ORIGIN}/api/workspaces/${workspaceId}/library${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }), params(workspaceId));
const postFile = (name: string, data: BlobPart, query = '') => {
  const form = new FormData();
  form.set('file', new File([data], name, { type: 'application/ld+json' }));
  return POST(new Request(`${ORIGIN}/api/workspaces/${ws}/library${query}`, { method: 'POST', body: form }), params());
};
const itemCount = async (workspaceId = ws) => Number((await f.db.select({ n: count() }).from(claimLibraryItems).where(eq(claimLibraryItems.workspaceId, workspaceId)))[0]!.n);
const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe('POST /api/workspaces/:id/library', () => {
  it('previews (nothing written), imports a file (201), then re-imports as unchanged', async () => {
    as(f.u.omar);
    const preview = await postFile('demo.jsonld', DEMO_FILE, '?dryRun=1');
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as LibraryPreviewResponse;
    expect(body.found).toBe(5);
    expect(body.entries.every((e) => e.action === 'create' && e.item !== null)).toBe(true);
    expect(await itemCount()).toBe(0);

    const imported = await postFile('demo.json', DEMO_FILE);
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as LibraryImportResponse).counts).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const again = (await (await postText(DEMO_FILE)).json()) as LibraryImportResponse;
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await itemCount()).toBe(5);
  });

  it('refuses a file with invalid items (nothing imported) unless told to import the valid ones', async () => {
    as(f.u.omar);
    const preview = (await (await postText(HOSTILE_FILE, '?dryRun=1')).json()) as LibraryPreviewResponse;
    expect(preview.valid).toBe(1);
    expect(preview.entries[0]!.errors[0]).toMatch(/Item 1 .*http/);
    const refused = await postText(HOSTILE_FILE);
    expect(refused.status).toBe(400);
    expect(await message(refused)).toMatch(/5 ClaimReviews of 6 have errors, so nothing was imported/);
    expect(await itemCount()).toBe(0);
    const partial = await postText(HOSTILE_FILE, '?skipInvalid=1');
    expect(partial.status).toBe(201);
    expect(((await partial.json()) as LibraryImportResponse).skipped).toBe(5);
    expect(await itemCount()).toBe(1);
  });

  it('answers bad input with 400 and a message, too large with 413, never 500', async () => {
    as(f.u.omar);
    const invalid = await postText('{"@type": "ClaimReview", url: x}');
    expect(invalid.status).toBe(400);
    expect(await message(invalid)).toMatch(/not valid JSON \(line 1, column 26\)/);
    expect((await postText('[]')).status).toBe(400);
    expect((await postText('{"@type":"ClaimReview","url":"javascript:alert(1)","claimReviewed":"x"}')).status).toBe(400);
    expect((await postFile('notes.txt', DEMO_FILE)).status).toBe(400);
    const big = await postFile('big.json', 'x'.repeat(MAX_CLAIM_REVIEW_BYTES + 10));
    expect(big.status).toBe(413);
    expect(await message(big)).toMatch(/at most 2\.0 MB/);
    const huge = await postFile('huge.json', 'x'.repeat(10 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const pasted = await postText('x'.repeat(MAX_CLAIM_REVIEW_BYTES + 10));
    expect(pasted.status).toBe(413);
    const notJson = await POST(new Request(`${ORIGIN}/api/workspaces/${ws}/library`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' }), params());
    expect(notJson.status).toBe(400);
    expect(await itemCount()).toBe(0);
  });

  it('lets editors and owners import; reviewers and viewers are refused (403), outsiders see 404', async () => {
    as(f.u.vera);
    expect((await postText(DEMO_FILE, '', f.workspaceId)).status).toBe(403);
    as(f.u.ana);
    expect((await postText(DEMO_FILE, '?dryRun=1', f.workspaceId)).status).toBe(403);
    as(f.u.omar);
    expect((await postText(DEMO_FILE, '', f.workspaceId)).status).toBe(404);
    as(f.u.tom);
    expect((await postText(DEMO_FILE, '?dryRun=1', f.workspaceId)).status).toBe(200);
  });
});

describe('GET and DELETE', () => {
  it('lists for members (a filter narrows it) and deletes with the version', async () => {
    as(f.u.omar);
    await postText(DEMO_FILE);
    const list = (await (await GET(new Request(`${ORIGIN}/api/workspaces/${ws}/library?q=Raqqa`), params())).json()) as { items: LibraryItemDto[]; total: number };
    expect(list.total).toBe(1);
    const item = list.items[0]!;
    expect((await GET(new Request(`${ORIGIN}/api/workspaces/${ws}/library?limit=abc`), params())).status).toBe(400);
    const del = (version: number) =>
      DELETE(new Request(`${ORIGIN}/api/workspaces/${ws}/library/${item.id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version }) }), {
        params: Promise.resolve({ workspaceId: ws, itemId: item.id }),
      });
    expect((await del(item.version + 1)).status).toBe(409);
    expect((await del(item.version)).status).toBe(200);
    expect(await itemCount()).toBe(4);
    as(f.u.tom);
    expect((await GET(new Request(`${ORIGIN}/api/workspaces/${ws}/library`), params())).status).toBe(404);
  });
});

describe('GET /api/workspaces/:id/claim-review-feed', () => {
  it('downloads the published ClaimReviews as a DataFeed attachment that our own importer reads', async () => {
    as(f.u.vera);
    const response = await FEED(new Request(`${ORIGIN}/api/workspaces/${f.workspaceId}/claim-review-feed`), params(f.workspaceId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="claimreview-feed-demo-desk-\d{4}-\d{2}-\d{2}\.jsonld"$/);
    const feed = (await response.json()) as { '@type': string; dataFeedElement: unknown[] };
    expect(feed['@type']).toBe('DataFeed');
    const parsed = parseClaimReviews(feed);
    expect(parsed.errors).toEqual([]);
    expect(parsed.items.length).toBe(feed.dataFeedElement.length);
    as(f.u.omar);
    expect((await FEED(new Request(`${ORIGIN}/api/workspaces/${f.workspaceId}/claim-review-feed`), params(f.workspaceId))).status).toBe(404);
  });
});
