import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { articles, historyEntries, users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { authorizeArticle, authorizeClaim } from './access';
import { createArticle, updateArticleText } from './articles';
import { createClaim, deleteClaim, getClaim, listClaims, updateClaim } from './claims';
import { getScale } from './scales';
import { catchAppError } from '@/test/fixtures/review-db';
import { addSource, deleteSource, updateSource } from './sources';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { AppError } from '@/lib/errors';

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said the figure ignores discouraged workers.\n\nExports doubled since 2019, the ministry claimed.';

let db: Db;
let userId: string;
let workspaceId: string;

async function expectAppError(fn: () => unknown, code: AppError['code']): Promise<AppError> {
  const error = await catchAppError(fn);
  expect(error.code).toBe(code);
  return error;
}

const userByEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)).limit(1))[0]!;
const workspaceBySlug = async (slug: string) => (await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1))[0]!;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db);
  userId = (await userByEmail('ana@claimdesk.demo')).id;
  workspaceId = (await workspaceBySlug('demo-desk')).id;
});

function newArticle() {
  return createArticle(db, { workspaceId, title: 'Test', outlet: '', byline: '', url: 'https://example.com/a', publishedOn: '2026-11-01', language: 'en', sourceCredit: '', text: TEXT, createdBy: userId });
}

describe('seed', () => {
  it('is idempotent', async () => {
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await db.select().from(users)).toHaveLength(6);
  });
  it('seeds the demo article with seven claims, six with verdicts', async () => {
    const article = (await db.select().from(articles).where(eq(articles.slug, 'demo')).limit(1))[0]!;
    const claims = await listClaims(db, article.id);
    expect(claims).toHaveLength(7);
    expect(claims.filter((c) => c.verdictId !== null)).toHaveLength(6);
    expect(article.plainText.startsWith('Iranian Supreme Leader')).toBe(true);
    expect(article.plainText).not.toContain('Breaking News');
  });
});

describe('claims', () => {
  it('creates a claim on exactly the selected words, trimmed, with selectors, defaults and history', async () => {
    const article = await newArticle();
    const start = TEXT.indexOf('Exports doubled');
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: start - 2, end: start + 'Exports doubled since 2019'.length, actorId: userId });
    expect(claim.quote.exact).toBe('Exports doubled since 2019');
    expect(claim.quote.prefix.endsWith('workers.\n\n')).toBe(true);
    expect(claim.claimText).toBe('Exports doubled since 2019');
    expect(claim.claimDate).toBe('2026-11-01');
    expect(claim.claimAppearance).toBe('https://example.com/a');
    expect(claim.version).toBe(1);
    expect(await db.select().from(historyEntries).where(eq(historyEntries.claimId, claim.id))).toHaveLength(1);
  });

  it('refuses a selection made on an older revision, whitespace only, or out of range', async () => {
    const article = await newArticle();
    await expectAppError(() => createClaim(db, { articleId: article.id, revision: 2, start: 0, end: 5, actorId: userId }), 'conflict');
    await expectAppError(() => createClaim(db, { articleId: article.id, revision: 1, start: TEXT.indexOf('\n\n'), end: TEXT.indexOf('\n\n') + 2, actorId: userId }), 'unprocessable');
    await expectAppError(() => createClaim(db, { articleId: article.id, revision: 1, start: 0, end: TEXT.length + 5, actorId: userId }), 'unprocessable');
  });

  it('updates with the current version and refuses a stale one with the current state', async () => {
    const article = await newArticle();
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
    const updated = await updateClaim(db, claim.id, { version: 1, rationale: 'Mine', status: 'in_review' }, userId);
    expect(updated.version).toBe(2);
    expect(updated.rationale).toBe('Mine');
    const error = await expectAppError(() => updateClaim(db, claim.id, { version: 1, rationale: 'Stale' }, userId), 'conflict');
    expect((error.details as { current: { rationale: string; version: number } }).current).toMatchObject({ rationale: 'Mine', version: 2 });
    expect((await getClaim(db, claim.id)).rationale).toBe('Mine');
  });

  it('refuses a verdict from another workspace’s scale', async () => {
    const article = await newArticle();
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
    const other = await workspaceBySlug('other-desk');
    const foreignLevel = (await getScale(db, other.id)).levels[0]!.id;
    await expectAppError(() => updateClaim(db, claim.id, { version: 1, verdictId: foreignLevel }, userId), 'unprocessable');
    const ownLevel = (await getScale(db, workspaceId)).levels[5]!;
    expect((await updateClaim(db, claim.id, { version: 1, verdictId: ownLevel.id }, userId)).verdictId).toBe(ownLevel.id);
  });

  it('deletes with its sources only at the current version', async () => {
    const article = await newArticle();
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
    await addSource(db, claim.id, { url: 'https://example.com', title: '', publisher: '', excerpt: '', accessedOn: null }, userId);
    await expectAppError(() => deleteClaim(db, claim.id, 7, userId), 'conflict');
    await deleteClaim(db, claim.id, 1, userId);
    expect(await listClaims(db, article.id)).toHaveLength(0);
  });
});

describe('sources', () => {
  it('adds in order, updates with versions, deletes', async () => {
    const article = await newArticle();
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
    const a = await addSource(db, claim.id, { url: 'https://a.example', title: 'A', publisher: 'P', excerpt: 'x', accessedOn: '2026-11-20' }, userId);
    await addSource(db, claim.id, { url: 'https://b.example', title: 'B', publisher: '', excerpt: '', accessedOn: null }, userId);
    expect((await getClaim(db, claim.id)).sources.map((s) => s.title)).toEqual(['A', 'B']);
    const updated = await updateSource(db, a.id, { url: 'https://a2.example', title: 'A2', publisher: 'P', excerpt: 'x', accessedOn: null, version: 1 }, userId);
    expect(updated).toMatchObject({ title: 'A2', version: 2 });
    await expectAppError(() => updateSource(db, a.id, { url: 'https://a3.example', title: '', publisher: '', excerpt: '', accessedOn: null, version: 1 }, userId), 'conflict');
    await deleteSource(db, a.id, 2, userId);
    expect((await getClaim(db, claim.id)).sources.map((s) => s.title)).toEqual(['B']);
  });
});

describe('re-anchoring on text edits', () => {
  it('keeps moved and lightly edited claims on their words and orphans deleted ones', async () => {
    const article = await newArticle();
    const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });
    const moved = await createClaim(db, { articleId: article.id, revision: 1, ...at('Exports doubled since 2019'), actorId: userId });
    const edited = await createClaim(db, { articleId: article.id, revision: 1, ...at('The minister said unemployment fell to 4 percent'), actorId: userId });
    const doomed = await createClaim(db, { articleId: article.id, revision: 1, ...at('the figure ignores discouraged workers'), actorId: userId });

    const newText = 'Breaking news.\n\nThe minister said unemployment fell to four percent.\n\nExports doubled since 2019, the ministry claimed.';
    const result = await updateArticleText(db, article.id, plainTextToDocJson(newText), article.revision, userId);
    expect(result).toMatchObject({ anchored: 2, orphaned: 1 });
    expect(result.article.revision).toBe(2);

    const byId = new Map((await listClaims(db, article.id)).map((c) => [c.id, c]));
    expect(byId.get(moved.id)!.quote.exact).toBe('Exports doubled since 2019');
    expect(byId.get(moved.id)!.position.start).toBe(newText.indexOf('Exports'));
    expect(byId.get(edited.id)!.quote.exact).toBe('The minister said unemployment fell to four percent');
    expect(byId.get(edited.id)!.originalQuote).toBe('The minister said unemployment fell to 4 percent');
    expect(byId.get(doomed.id)!.anchorState).toBe('orphaned');
    expect(byId.get(doomed.id)!.quote.exact).toBe('the figure ignores discouraged workers');
    // Orphans are listed last, never dropped.
    expect((await listClaims(db, article.id)).at(-1)!.id).toBe(doomed.id);
  });

  it('refuses a save based on a stale article version', async () => {
    const article = await newArticle();
    await updateArticleText(db, article.id, plainTextToDocJson('One.'), article.revision, userId);
    await expectAppError(() => updateArticleText(db, article.id, plainTextToDocJson('Two.'), article.revision, userId), 'conflict');
  });
});

describe('access', () => {
  it('lets members act by role and hides other workspaces as not found', async () => {
    const article = await newArticle();
    const claim = await createClaim(db, { articleId: article.id, revision: 1, start: 0, end: 12, actorId: userId });
    const viewer = await userByEmail('vera@claimdesk.demo');
    const outsider = await userByEmail('omar@other.demo');
    expect((await authorizeArticle(db, viewer.id, article.id, 'article:read')).role).toBe('viewer');
    await expectAppError(() => authorizeClaim(db, viewer.id, claim.id, 'claim:update'), 'forbidden');
    await expectAppError(() => authorizeArticle(db, outsider.id, article.id, 'article:read'), 'not_found');
    await expectAppError(() => authorizeClaim(db, outsider.id, claim.id, 'article:read'), 'not_found');
    await expectAppError(() => authorizeArticle(db, userId, '00000000-0000-4000-8000-000000000000', 'article:read'), 'not_found');
  });
});
