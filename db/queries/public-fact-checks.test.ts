import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { articlePublications, articles, workspaces } from '../schema';
import { findPublicFactCheck, listPublicFactChecks } from './public-fact-checks';
import type { PublicationKind } from '@/lib/domain/publishing';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { ReportViewModel } from '@/lib/export/view-model';

/**
 * Publication rows are inserted directly (the publish route is tested elsewhere): what matters
 * here is which row is served, when a slug redirects, and that nothing unpublished is found.
 */

let db: Db;
let workspaceId: string;
let otherWorkspaceId: string;
beforeEach(async () => {
  db = await createTestDb();
  [workspaceId, otherWorkspaceId] = await transaction(db, async (tx) => {
    const rows = await tx
      .insert(workspaces)
      .values([
        { slug: 'desk', name: 'Desk', organizationName: 'Desk Fact Check' },
        { slug: 'other', name: 'Other', organizationName: 'Other Org' },
      ])
      .returning({ id: workspaces.id, slug: workspaces.slug });
    return [rows.find((r) => r.slug === 'desk')!.id, rows.find((r) => r.slug === 'other')!.id];
  });
});

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function snapshot(title: string, slug: string, note = ''): ReportViewModel {
  return {
    workspace: { id: workspaceId, slug: 'desk', name: 'Desk', organizationName: 'Desk Fact Check', organizationUrl: null, factCheckUrlPattern: null },
    article: { id: 'x', slug, title, outlet: '', byline: '', url: null, canonicalUrl: '', publishedOn: null, language: 'en', sourceCredit: '', status: 'published', revision: 1, text: note },
    scale: { name: 'Scale', levels: [], bestRating: 5, worstRating: 0 },
    claims: [],
    audience: 'public',
    publication: { firstPublishedAt: at(0).toISOString(), lastPublishedAt: at(0).toISOString(), corrections: [], retraction: null },
    generatedAt: at(0).toISOString(),
    appUrl: 'http://localhost:3000',
  };
}

async function article(slug: string, status: ArticleStatus, ws = workspaceId): Promise<string> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values({ workspaceId: ws, slug, title: `Title ${slug}`, docJson: { type: 'doc', content: [] }, plainText: '', status, firstPublishedAt: status === 'draft' ? null : at(0) })
      .returning({ id: articles.id });
    return row!.id;
  });
}

interface Step {
  kind: PublicationKind;
  minute: number;
  slug: string;
  title?: string;
  note?: string;
  workspaceSlug?: string;
}

async function publications(articleId: string, steps: Step[], ws = workspaceId): Promise<void> {
  await transaction(db, async (tx) => {
    let sequence = 0;
    for (const step of steps) {
      sequence += 1;
      const hasSnapshot = step.kind === 'published' || step.kind === 'corrected';
      await tx.insert(articlePublications).values({
        workspaceId: ws,
        articleId,
        sequence,
        kind: step.kind,
        note: step.note ?? '',
        workspaceSlug: step.workspaceSlug ?? 'desk',
        articleSlug: step.slug,
        snapshot: hasSnapshot ? snapshot(step.title ?? `v${sequence}`, step.slug, step.note) : null,
        createdAt: at(step.minute),
      });
    }
  });
}

async function rename(articleId: string, slug: string, status?: ArticleStatus) {
  await transaction(db, async (tx) => {
    await tx.update(articles).set(status ? { slug, status } : { slug }).where(eq(articles.id, articleId));
  });
}

describe('findPublicFactCheck', () => {
  it('serves the latest published or corrected snapshot, with its dates', async () => {
    const id = await article('budget', 'published');
    await publications(id, [
      { kind: 'published', minute: 0, slug: 'budget', title: 'first' },
      { kind: 'reopened', minute: 10, slug: 'budget', note: 'typo' },
      { kind: 'corrected', minute: 20, slug: 'budget', title: 'second', note: 'Fixed a figure.' },
    ]);
    const found = await findPublicFactCheck(db, 'desk', 'budget');
    expect(found).toMatchObject({ kind: 'found', articleId: id, workspaceSlug: 'desk', articleSlug: 'budget', status: 'published', retraction: null, factCheckUrlPattern: null });
    if (found.kind !== 'found') throw new Error('not found');
    expect(found.snapshot.article.title).toBe('second');
    expect(found.publication).toEqual({ sequence: 3, kind: 'corrected', at: at(20) });
    expect(found.firstPublishedAt).toEqual(at(0));
  });

  it('keeps serving the last publication while the article is reopened for correction', async () => {
    const id = await article('budget', 'in_review');
    await publications(id, [
      { kind: 'published', minute: 0, slug: 'budget', title: 'as published' },
      { kind: 'reopened', minute: 5, slug: 'budget', note: 'fixing' },
    ]);
    const found = await findPublicFactCheck(db, 'desk', 'budget');
    expect(found).toMatchObject({ kind: 'found', status: 'in_review', retraction: null, snapshot: { article: { title: 'as published' } } });
  });

  it('reports a retraction (when and why) with the last snapshot', async () => {
    const id = await article('budget', 'retracted');
    await publications(id, [
      { kind: 'published', minute: 0, slug: 'budget' },
      { kind: 'retracted', minute: 30, slug: 'budget', note: 'The source document was forged.' },
    ]);
    expect(await findPublicFactCheck(db, 'desk', 'budget')).toMatchObject({ kind: 'found', status: 'retracted', retraction: { at: at(30), reason: 'The source document was forged.' } });
  });

  it('finds nothing for a never-published article, an unknown slug or workspace, or another workspace’s slug', async () => {
    await article('draft-one', 'draft');
    const ready = await article('ready-one', 'ready');
    // A reopened row alone (no snapshot) never makes an article public.
    await publications(ready, [{ kind: 'reopened', minute: 0, slug: 'ready-one' }]);
    const elsewhere = await article('theirs', 'published', otherWorkspaceId);
    await publications(elsewhere, [{ kind: 'published', minute: 0, slug: 'theirs', workspaceSlug: 'other' }], otherWorkspaceId);

    for (const [ws, slug] of [
      ['desk', 'draft-one'],
      ['desk', 'ready-one'],
      ['desk', 'nope'],
      ['nope', 'draft-one'],
      ['desk', 'theirs'],
    ] as const) {
      expect(await findPublicFactCheck(db, ws, slug), `${ws}/${slug}`).toEqual({ kind: 'not_found' });
    }
    expect((await findPublicFactCheck(db, 'other', 'theirs')).kind).toBe('found');
  });

  it('redirects an old slug to the current one', async () => {
    const id = await article('budget-2026', 'published');
    await publications(id, [
      { kind: 'published', minute: 0, slug: 'budget' },
      { kind: 'reopened', minute: 5, slug: 'budget' },
      { kind: 'corrected', minute: 10, slug: 'city-budget' },
    ]);
    // Renamed again after the last publication: both earlier addresses lead to the current one.
    expect(await findPublicFactCheck(db, 'desk', 'budget')).toEqual({ kind: 'redirect', workspaceSlug: 'desk', articleSlug: 'budget-2026' });
    expect(await findPublicFactCheck(db, 'desk', 'city-budget')).toEqual({ kind: 'redirect', workspaceSlug: 'desk', articleSlug: 'budget-2026' });
    expect((await findPublicFactCheck(db, 'desk', 'budget-2026')).kind).toBe('found');
    // A slug from another workspace's publications is not this one's.
    expect(await findPublicFactCheck(db, 'other', 'budget')).toEqual({ kind: 'not_found' });
  });

  it('prefers the article that holds the slug now once it is published; an unpublished holder leaves the old address redirecting', async () => {
    const a = await article('renamed-a', 'published');
    await publications(a, [{ kind: 'published', minute: 0, slug: 'shared' }]);
    const b = await article('shared', 'draft');
    expect(await findPublicFactCheck(db, 'desk', 'shared')).toEqual({ kind: 'redirect', workspaceSlug: 'desk', articleSlug: 'renamed-a' });
    await rename(b, 'shared', 'published');
    await publications(b, [{ kind: 'published', minute: 10, slug: 'shared', title: 'b' }]);
    expect(await findPublicFactCheck(db, 'desk', 'shared')).toMatchObject({ kind: 'found', articleId: b, snapshot: { article: { title: 'b' } } });
  });

  it('does not redirect an old slug of an article without any snapshot', async () => {
    const id = await article('now', 'in_review');
    await publications(id, [{ kind: 'reopened', minute: 0, slug: 'then' }]);
    expect(await findPublicFactCheck(db, 'desk', 'then')).toEqual({ kind: 'not_found' });
  });
});

describe('listPublicFactChecks', () => {
  it('lists published and reopened articles (not drafts, not retracted), newest publication first', async () => {
    const a = await article('alpha', 'published');
    await publications(a, [{ kind: 'published', minute: 0, slug: 'alpha', title: 'Alpha' }]);
    const b = await article('beta', 'in_review');
    await publications(b, [
      { kind: 'published', minute: 5, slug: 'beta', title: 'Beta 1' },
      { kind: 'reopened', minute: 6, slug: 'beta' },
      { kind: 'corrected', minute: 7, slug: 'beta', title: 'Beta 2' },
      { kind: 'reopened', minute: 8, slug: 'beta' },
    ]);
    const c = await article('gamma', 'retracted');
    await publications(c, [
      { kind: 'published', minute: 9, slug: 'gamma' },
      { kind: 'retracted', minute: 10, slug: 'gamma', note: 'wrong' },
    ]);
    await article('draft', 'draft');
    const other = await article('theirs', 'published', otherWorkspaceId);
    await publications(other, [{ kind: 'published', minute: 11, slug: 'theirs', workspaceSlug: 'other' }], otherWorkspaceId);

    const listing = await listPublicFactChecks(db, 'desk');
    expect(listing?.workspace).toEqual({ slug: 'desk', name: 'Desk', organizationName: 'Desk Fact Check', createdAt: expect.any(Date) });
    expect(listing?.entries.map((e) => [e.articleSlug, e.snapshot.article.title, e.lastPublishedAt.toISOString()])).toEqual([
      ['beta', 'Beta 2', at(7).toISOString()],
      ['alpha', 'Alpha', at(0).toISOString()],
    ]);
    expect(listing?.entries[0]?.firstPublishedAt).toEqual(at(0));
  });

  it('is empty for a workspace with nothing published and null for an unknown one', async () => {
    await article('draft', 'draft');
    expect(await listPublicFactChecks(db, 'desk')).toMatchObject({ entries: [] });
    expect(await listPublicFactChecks(db, 'nope')).toBeNull();
  });
});
