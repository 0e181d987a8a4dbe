import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { reviewSessions, securityEvents, users } from '@/db/schema';
import { transaction } from '@/db/transaction';
import type { CurrentUser } from '@/lib/domain/users';
import { PdfUnavailableError, renderPdf } from '@/lib/export/pdf';
import { PDF_EXPORT_LIMIT } from '@/lib/export/pdf-quota';
import { unauthorized } from '@/lib/errors';
import { buildMinutes } from '@/lib/review-sessions/minutes';
import { requireApiUser } from '@/lib/server/session';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { GET } from './route';

// apiRoute reads the session through this helper; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ requireApiUser: vi.fn(), getCurrentUser: vi.fn() }));
// No browser in unit tests: the PDF renderer is a stand-in that records the HTML it was given.
vi.mock('@/lib/export/pdf', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/export/pdf')>()), renderPdf: vi.fn() }));
const apiUser = vi.mocked(requireApiUser);
const pdf = vi.mocked(renderPdf);

const APP = 'https://desk.example.org';
let f: ReviewFixture;
let endedId: string;
let runningId: string;

async function asUser(id: string): Promise<CurrentUser> {
  const row = (await f.db.select().from(users).where(eq(users.id, id)).limit(1))[0]!;
  return { id: row.id, email: row.email, name: row.name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
}

function get(sessionId: string, query = ''): Promise<Response> {
  return GET(new Request(`${APP}/api/review-sessions/${sessionId}/minutes${query}`), { params: Promise.resolve({ sessionId }) });
}

beforeEach(async () => {
  f = await reviewFixture();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = f.db;
  const minutes = buildMinutes({ ...sampleMinutesInput(), article: { id: f.article.id, title: f.article.title } });
  const base = { workspaceId: f.workspaceId, articleId: f.article.id, leadId: f.u.tom, startedBy: f.u.tom };
  [endedId, runningId] = await transaction(f.db, async (tx) => {
    const [ended] = await tx.insert(reviewSessions).values({ ...base, status: 'ended', startedAt: new Date(minutes.startedAt), endedAt: new Date(minutes.endedAt), minutes }).returning({ id: reviewSessions.id });
    const [running] = await tx.insert(reviewSessions).values({ ...base, startedAt: new Date() }).returning({ id: reviewSessions.id });
    return [ended!.id, running!.id];
  });
  apiUser.mockReset();
  apiUser.mockResolvedValue(await asUser(f.u.ana));
  pdf.mockReset();
  pdf.mockResolvedValue(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
});

describe('GET /api/review-sessions/:id/minutes', () => {
  it('sends Markdown by default, as an attachment named after the day and the article', async () => {
    const response = await get(endedId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="review-session-2026-11-25-demo.md"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const md = await response.text();
    expect(md).toMatch(/^# Review session minutes: /);
    expect(md).toContain('- **Ben Reviewer**, review claim 5: Follow up with the ministry (item 2)');
    expect((await get(endedId, '?format=markdown')).status).toBe(200);
  });

  it('prints the PDF through the shared renderer', async () => {
    const response = await get(endedId, '?format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="review-session-2026-11-25-demo.pdf"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(pdf).toHaveBeenCalledTimes(1);
    const [html, options] = pdf.mock.calls[0]!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Decided: False');
    expect(options).toEqual({ title: `Review session minutes: ${f.article.title}` });
  });

  it('counts PDFs against the per-user export quota (429 with Retry-After)', async () => {
    for (let i = 0; i < PDF_EXPORT_LIMIT.limit; i += 1) expect((await get(endedId, '?format=pdf')).status).toBe(200);
    const refused = await get(endedId, '?format=pdf');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Markdown is not rate limited.
    expect((await get(endedId)).status).toBe(200);
  });

  it('answers 503 when no browser is available', async () => {
    pdf.mockRejectedValue(new PdfUnavailableError('PDF export is unavailable: no Chromium.'));
    const response = await get(endedId, '?format=pdf');
    expect(response.status).toBe(503);
    pdf.mockRejectedValue(new Error('crash'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await (await get(endedId, '?format=pdf')).json()).toEqual({ error: { code: 'unavailable', message: 'The PDF could not be rendered. Try again, or download the Markdown minutes.' } });
    quiet.mockRestore();
  });

  it('validates the format', async () => {
    const response = await get(endedId, '?format=docx');
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('format must be markdown or pdf.');
  });

  it('409 while the session is running', async () => {
    const response = await get(runningId);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'conflict', message: 'This review session is still running. Its minutes are written when the lead ends it.', details: { status: 'running' } } });
  });

  it('viewers may download; non-members and unknown ids get the same 404; signed out 401', async () => {
    apiUser.mockResolvedValue(await asUser(f.u.vera));
    expect((await get(endedId)).status).toBe(200);
    apiUser.mockResolvedValue(await asUser(f.u.omar));
    const outsider = await get(endedId);
    const outsiderRunning = await get(runningId);
    const unknown = await get(crypto.randomUUID());
    expect([outsider.status, outsiderRunning.status, unknown.status]).toEqual([404, 404, 404]);
    const bodies = await Promise.all([outsider.json(), outsiderRunning.json(), unknown.json()]);
    expect(bodies).toEqual([bodies[2], bodies[2], { error: { code: 'not_found', message: 'Review session not found.' } }]);
    apiUser.mockRejectedValue(unauthorized());
    expect((await get(endedId)).status).toBe(401);
  });

  it('logs the download of an unpublished article’s minutes in the security log', async () => {
    await get(endedId);
    const events = await f.db.select().from(securityEvents).where(eq(securityEvents.type, 'export_unpublished'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ workspaceId: f.workspaceId, userId: f.u.ana });
  });
});
