import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findArticleForExport } from '@/db/queries/report';
import { articles, claims, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createTestDb } from '@/db/test-db';
import type { CurrentUser } from '@/lib/domain/users';
import { getCurrentUser } from '@/lib/server/session';
import { GET } from './route';

// The route reads the session through the helper the API uses; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ getCurrentUser: vi.fn() }));
const currentUser = vi.mocked(getCurrentUser);

const APP = 'https://desk.example.org';
const CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
let db: Db;
let draftClaimId: string;
let publishedClaimId: string;
const ids: Record<string, string> = {};

function user(name: string, extra: Partial<CurrentUser> = {}): CurrentUser {
  return { id: ids[name]!, email: `${name}@x`, name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false, ...extra };
}

function get(claimId: string, headers: Record<string, string> = {}): Promise<Response> {
  return GET(new Request(`${APP}/annotations/${encodeURIComponent(claimId)}`, { headers }), { params: Promise.resolve({ claimId }) });
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db);
  const demoId = (await findArticleForExport(db, 'demo')).id;
  draftClaimId = (await db.select({ id: claims.id }).from(claims).where(eq(claims.articleId, demoId)).limit(1))[0]!.id;
  const [published] = await db.select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).limit(1);
  publishedClaimId = (await db.select({ id: claims.id }).from(claims).where(eq(claims.articleId, published!.id)).limit(1))[0]!.id;
  for (const [name, email] of [['ana', 'ana@claimdesk.demo'], ['omar', 'omar@other.demo']] as const) {
    ids[name] = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]!.id;
  }
});
beforeEach(() => {
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = db;
  vi.stubEnv('NEXTAUTH_URL', `${APP}/`);
  currentUser.mockReset();
  currentUser.mockResolvedValue(null);
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  vi.unstubAllEnvs();
});

describe('GET /annotations/<claim-id>', () => {
  it('answers a published claim’s annotation to anyone, as W3C JSON-LD, without reading the session', async () => {
    const response = await get(publishedClaimId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(CONTENT_TYPE);
    expect(response.headers.get('link')).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    const annotation = (await response.json()) as { '@context': string; id: string; type: string };
    expect(annotation).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${APP}/annotations/${publishedClaimId}`, type: 'Annotation' });
    expect(currentUser).not.toHaveBeenCalled();
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await get(publishedClaimId)).headers.get('etag')!;
    const again = await get(publishedClaimId, { 'If-None-Match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(publishedClaimId, { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers an unpublished claim to a signed-in member only, never cached by others', async () => {
    currentUser.mockResolvedValue(user('ana'));
    const response = await get(draftClaimId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(CONTENT_TYPE);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(((await response.json()) as { id: string }).id).toBe(`${APP}/annotations/${draftClaimId}`);
  });

  it('answers 404, the same as for an unknown id, to everyone else', async () => {
    const unknown = await get('6e8bc430-9c3a-41d9-9669-0800200c9a66');
    expect(unknown.status).toBe(404);
    const expected = await unknown.json();
    expect(expected).toEqual({ error: { code: 'not_found', message: 'Annotation not found.' } });
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const cases: Array<[string, CurrentUser | null]> = [
      ['signed out', null],
      ['another workspace', user('omar')],
      ['a member who must change the password first', user('ana', { mustChangePassword: true })],
      ['a member who must set up two-factor first', user('ana', { twoFactorSetupRequired: true })],
    ];
    for (const [who, asUser] of cases) {
      currentUser.mockResolvedValue(asUser);
      const response = await get(draftClaimId);
      expect(response.status, who).toBe(404);
      expect(await response.json(), who).toEqual(expected);
    }
  });

  it('answers 404 to malformed ids without touching the database', async () => {
    delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
    for (const id of ['demo', '../../etc/passwd', `${draftClaimId}x`, "1' OR '1'='1", '']) {
      const response = await get(id);
      expect(response.status, id).toBe(404);
    }
    expect((globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb).toBeUndefined();
  });
});
