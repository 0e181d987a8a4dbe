import 'server-only';
import type { ImportCounts } from '@/lib/claim-review/import-response';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { claimLibraryItems } from '../schema';
import { transaction } from '../transaction';
import { conflict, notFound } from '@/lib/errors';
import type { LibraryItemDto } from '@/lib/search/types';
import { isHttpUrl, type ParsedLibraryItem } from '@/lib/claim-review/parse';
import { buildClaimReviewFeed, type ClaimReviewFeed } from '@/lib/claim-review/feed';
import { renderClaimReviews } from '@/lib/export/claimreview';
import { checkerName } from '@/lib/export/format';
import { servedView } from '@/lib/publishing/public-page/view';
import { listPublicFactChecks } from './public-fact-checks';
import { getWorkspace } from './workspaces';

/**
 * The workspace's claim library: other fact-checkers' ClaimReviews (lib/claim-review/parse.ts).
 * The search index follows these rows by database triggers (migration 0006), so nothing here
 * touches search_docs.
 */


export type { ImportCounts };

/** What an import would do to each item, for the preview (nothing written). */
export type ImportAction = 'create' | 'update' | 'unchanged';

type Row = typeof claimLibraryItems.$inferSelect;

/** The item's own fields, the ones an import compares and writes. */
const FIELDS = [
  'claimReviewed',
  'claimant',
  'claimDate',
  'claimAppearance',
  'reviewOrg',
  'reviewOrgUrl',
  'ratingName',
  'ratingValue',
  'bestRating',
  'worstRating',
  'reviewDate',
  'language',
] as const satisfies readonly (keyof ParsedLibraryItem & keyof Row)[];

function sameContent(row: Row, item: ParsedLibraryItem): boolean {
  return FIELDS.every((field) => (row[field] ?? null) === (item[field] ?? null));
}

function fieldsOf(item: ParsedLibraryItem) {
  return Object.fromEntries(FIELDS.map((field) => [field, item[field]])) as Pick<ParsedLibraryItem, (typeof FIELDS)[number]>;
}

export function toLibraryItemDto(row: Row): LibraryItemDto {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    url: row.url,
    claimReviewed: row.claimReviewed,
    claimant: row.claimant,
    claimDate: row.claimDate,
    claimAppearance: row.claimAppearance,
    reviewOrg: row.reviewOrg,
    reviewOrgUrl: row.reviewOrgUrl,
    ratingName: row.ratingName,
    ratingValue: row.ratingValue,
    bestRating: row.bestRating,
    worstRating: row.worstRating,
    reviewDate: row.reviewDate,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Rows of the workspace with these URLs, keyed by URL (chunked: SQLite caps bound parameters). */
async function existingByUrl(db: Db, workspaceId: string, urls: readonly string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const unique = [...new Set(urls)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .select()
      .from(claimLibraryItems)
      .where(and(eq(claimLibraryItems.workspaceId, workspaceId), inArray(claimLibraryItems.url, chunk)));
    for (const row of rows) found.set(row.url, row);
  }
  return found;
}

/** What importing `items` would do to each (same order), without writing. */
export async function previewLibraryImport(db: Db, workspaceId: string, items: readonly ParsedLibraryItem[]): Promise<{ actions: ImportAction[]; counts: ImportCounts }> {
  const existing = await existingByUrl(db, workspaceId, items.map((item) => item.url));
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const actions = items.map((item): ImportAction => {
    const row = existing.get(item.url);
    const action: ImportAction = !row ? 'create' : sameContent(row, item) ? 'unchanged' : 'update';
    counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
    return action;
  });
  return { actions, counts };
}

/**
 * Imports validated ClaimReviews in ONE transaction (all or nothing): an item whose URL the
 * workspace already has updates that row (version + 1) when its content differs, and is left
 * alone when it is the same; new URLs are inserted. Items with the same URL twice: the last wins.
 */
export async function importLibraryItems(db: Db, workspaceId: string, items: readonly ParsedLibraryItem[], actorId: string): Promise<ImportCounts> {
  const byUrl = new Map<string, ParsedLibraryItem>();
  for (const item of items) byUrl.set(item.url, item);
  return transaction(db, async (tx) => {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const existing = await existingByUrl(tx, workspaceId, [...byUrl.keys()]);
    for (const item of byUrl.values()) {
      let row = existing.get(item.url);
      if (!row) {
        const inserted = await tx
          .insert(claimLibraryItems)
          .values({ workspaceId, url: item.url, ...fieldsOf(item), importedBy: actorId })
          .onConflictDoNothing()
          .returning({ id: claimLibraryItems.id });
        if (inserted.length > 0) {
          counts.created += 1;
          continue;
        }
        // Another import inserted this URL meanwhile: update it as if it had been there.
        [row] = await tx
          .select()
          .from(claimLibraryItems)
          .where(and(eq(claimLibraryItems.workspaceId, workspaceId), eq(claimLibraryItems.url, item.url)))
          .limit(1);
        if (!row) throw new Error(`Library item ${item.url} vanished during the import.`);
      }
      if (sameContent(row, item)) {
        counts.unchanged += 1;
        continue;
      }
      await tx
        .update(claimLibraryItems)
        .set({ ...fieldsOf(item), importedBy: actorId, version: sql`${claimLibraryItems.version} + 1`, updatedAt: new Date() })
        .where(eq(claimLibraryItems.id, row.id));
      counts.updated += 1;
    }
    return counts;
  });
}

export interface ListLibraryOptions {
  /** Words that must all appear in the claim, claimant, organisation, rating or URL (case-insensitive). */
  q?: string;
  limit: number;
  offset: number;
}

function likePattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterOf(q: string | undefined): SQL | undefined {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return undefined;
  const columns = [claimLibraryItems.claimReviewed, claimLibraryItems.claimant, claimLibraryItems.reviewOrg, claimLibraryItems.ratingName, claimLibraryItems.url];
  return and(...words.map((word) => or(...columns.map((column) => sql`lower(${column}) LIKE ${likePattern(word)} ESCAPE '\\'`))));
}

/** The workspace's library, newest review first, optionally filtered. */
export async function listLibraryItems(db: Db, workspaceId: string, options: ListLibraryOptions): Promise<{ items: LibraryItemDto[]; total: number }> {
  const where = and(eq(claimLibraryItems.workspaceId, workspaceId), filterOf(options.q));
  const rows = await db
    .select()
    .from(claimLibraryItems)
    .where(where)
    // Reviews without a date last (CASE: both dialects), then newest import first.
    .orderBy(sql`CASE WHEN ${claimLibraryItems.reviewDate} IS NULL THEN 1 ELSE 0 END`, desc(claimLibraryItems.reviewDate), desc(claimLibraryItems.createdAt), asc(claimLibraryItems.id))
    .limit(options.limit)
    .offset(options.offset);
  const [total] = await db.select({ n: count() }).from(claimLibraryItems).where(where);
  return { items: rows.map(toLibraryItemDto), total: Number(total?.n ?? 0) };
}

export async function getLibraryItem(db: Db, workspaceId: string, itemId: string): Promise<LibraryItemDto | null> {
  const [row] = await db
    .select()
    .from(claimLibraryItems)
    .where(and(eq(claimLibraryItems.workspaceId, workspaceId), eq(claimLibraryItems.id, itemId)))
    .limit(1);
  return row ? toLibraryItemDto(row) : null;
}

/**
 * Removes an item (its search rows and "based on" links go with it, by foreign key). `version` is
 * the one the caller saw: a stale one is a 409 with the current item.
 */
export async function deleteLibraryItem(db: Db, workspaceId: string, itemId: string, version: number): Promise<void> {
  await transaction(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(claimLibraryItems)
      .where(and(eq(claimLibraryItems.workspaceId, workspaceId), eq(claimLibraryItems.id, itemId)))
      .limit(1);
    if (!row) throw notFound('Library item');
    if (row.version !== version) throw conflict('This library item was re-imported since you loaded it. Check it and try again.', toLibraryItemDto(row));
    await tx.delete(claimLibraryItems).where(eq(claimLibraryItems.id, itemId));
  });
}

/**
 * The partners' ClaimReview feed of a workspace: one ClaimReview per claim with a final verdict in
 * each published (not retracted, not trashed) fact-check, built from the stored public snapshot
 * exactly as the public claim pages build theirs (current slugs and ClaimReview URL pattern).
 * Drafts, excluded claims and anything internal are not in a snapshot, so never in the feed.
 */
export async function claimReviewFeed(db: Db, workspaceId: string, appUrl: string, now = new Date()): Promise<{ feed: ClaimReviewFeed; workspaceSlug: string }> {
  const workspace = await getWorkspace(db, workspaceId);
  const listing = await listPublicFactChecks(db, workspace.slug);
  const reviews = (listing?.entries ?? []).flatMap((entry) =>
    renderClaimReviews(
      servedView(entry.snapshot, { appUrl, workspaceSlug: workspace.slug, articleSlug: entry.articleSlug, mode: 'public', factCheckUrlPattern: workspace.factCheckUrlPattern }),
    ),
  );
  const organisationUrl = workspace.organizationUrl && isHttpUrl(workspace.organizationUrl) ? workspace.organizationUrl : null;
  const feed = buildClaimReviewFeed({ organisation: checkerName(workspace), organisationUrl, generatedAt: now.toISOString(), reviews });
  return { feed, workspaceSlug: workspace.slug };
}
