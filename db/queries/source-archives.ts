import 'server-only';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction, type Tx } from '../transaction';
import { claims, sourceArchives, sources } from '../schema';
import type { SourceArchiveDto } from '@/lib/domain/claims';

/**
 * Archived copies of cited sources (source_archives). A copy is asked for in the transaction that
 * attaches the source or changes its URL ('pending'); lib/server/archive takes it after the commit
 * and records the result here ('done' with the page, its readable text and a PDF, or 'failed' with
 * the reason). The newest row of a source is the one shown.
 */

export type SourceArchiveRow = typeof sourceArchives.$inferSelect;

/** Only web pages are archived (a source may cite a book or a phone call: no URL, nothing to copy). */
export function isArchivableUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url.trim());
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** Inserts a pending copy of `url` for the source, in the caller's transaction; returns its id. */
export async function insertPendingArchive(tx: Tx, input: { sourceId: string; url: string; createdBy: string | null }): Promise<string> {
  const [row] = await tx.insert(sourceArchives).values({ sourceId: input.sourceId, requestedUrl: input.url.trim(), status: 'pending', createdBy: input.createdBy }).returning({ id: sourceArchives.id });
  if (!row) throw new Error('insertPendingArchive: the insert returned no row');
  return row.id;
}

const summaryColumns = {
  id: sourceArchives.id,
  sourceId: sourceArchives.sourceId,
  status: sourceArchives.status,
  takenAt: sourceArchives.takenAt,
  error: sourceArchives.error,
  finalUrl: sourceArchives.finalUrl,
  createdAt: sourceArchives.createdAt,
  hasPdf: sql<number>`case when ${sourceArchives.pdf} is null then 0 else 1 end`,
  hasText: sql<number>`case when ${sourceArchives.readableText} is null or ${sourceArchives.readableText} = '' then 0 else 1 end`,
};

type SummaryRow = { id: string; sourceId: string; status: SourceArchiveDto['status']; takenAt: Date | null; error: string | null; finalUrl: string | null; hasPdf: number | string | boolean; hasText: number | string | boolean };

function toArchiveDto(row: SummaryRow): SourceArchiveDto {
  return {
    id: row.id,
    status: row.status,
    takenAt: row.takenAt ? row.takenAt.toISOString() : null,
    error: row.error,
    finalUrl: row.finalUrl,
    hasPdf: Number(row.hasPdf) === 1,
    hasText: Number(row.hasText) === 1,
  };
}

/** The newest copy of each source (sources without one are absent from the map). */
export async function latestArchives(db: Db, sourceIds: readonly string[]): Promise<Map<string, SourceArchiveDto>> {
  const result = new Map<string, SourceArchiveDto>();
  if (!sourceIds.length) return result;
  const unique = [...new Set(sourceIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select(summaryColumns)
      .from(sourceArchives)
      .where(inArray(sourceArchives.sourceId, unique.slice(i, i + 500)))
      .orderBy(desc(sourceArchives.createdAt), desc(sourceArchives.id));
    for (const row of rows) if (!result.has(row.sourceId)) result.set(row.sourceId, toArchiveDto(row));
  }
  return result;
}

export async function latestArchive(db: Db, sourceId: string): Promise<SourceArchiveDto | null> {
  return (await latestArchives(db, [sourceId])).get(sourceId) ?? null;
}

/**
 * The newest copy that was taken (with its content), for viewing; null when none is done. With
 * `url`, only a copy of that URL (a public page serves the copy of the URL it published, not of a
 * URL the source was changed to since).
 */
export async function latestDoneArchive(db: Db, sourceId: string, url?: string): Promise<SourceArchiveRow | null> {
  const [row] = await db
    .select()
    .from(sourceArchives)
    .where(and(eq(sourceArchives.sourceId, sourceId), eq(sourceArchives.status, 'done'), url === undefined ? undefined : eq(sourceArchives.requestedUrl, url)))
    .orderBy(desc(sourceArchives.createdAt), desc(sourceArchives.id))
    .limit(1);
  return row ?? null;
}

/**
 * For each source with a taken copy of the given URL (the one a public page published), what its
 * newest such copy holds (the public page's links).
 */
export async function doneArchives(db: Db, sources: ReadonlyArray<{ id: string; url: string }>): Promise<Map<string, { hasPdf: boolean; hasText: boolean }>> {
  const result = new Map<string, { hasPdf: boolean; hasText: boolean }>();
  const urlOf = new Map(sources.map((source) => [source.id, source.url]));
  const unique = [...urlOf.keys()];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select({ ...summaryColumns, requestedUrl: sourceArchives.requestedUrl })
      .from(sourceArchives)
      .where(and(inArray(sourceArchives.sourceId, unique.slice(i, i + 500)), eq(sourceArchives.status, 'done')))
      .orderBy(desc(sourceArchives.createdAt), desc(sourceArchives.id));
    for (const row of rows) {
      if (result.has(row.sourceId) || row.requestedUrl !== urlOf.get(row.sourceId)) continue;
      result.set(row.sourceId, { hasPdf: Number(row.hasPdf) === 1, hasText: Number(row.hasText) === 1 });
    }
  }
  return result;
}

/** A copy to take: what the job needs (no content). */
export async function getArchiveJob(db: Db, archiveId: string): Promise<{ id: string; sourceId: string; requestedUrl: string; status: SourceArchiveDto['status'] } | null> {
  const [row] = await db
    .select({ id: sourceArchives.id, sourceId: sourceArchives.sourceId, requestedUrl: sourceArchives.requestedUrl, status: sourceArchives.status })
    .from(sourceArchives)
    .where(eq(sourceArchives.id, archiveId))
    .limit(1);
  return row ?? null;
}

/**
 * Asks for a new copy of the source's current URL (the "Take a new copy" / "Try again" button).
 * A copy already pending is returned instead of queueing a second one. Null when the source has no
 * web address.
 */
export async function requestArchive(db: Db, sourceId: string, actorId: string): Promise<{ archiveId: string; created: boolean } | null> {
  return transaction(db, async (tx) => {
    const [source] = await tx.select({ url: sources.url }).from(sources).where(eq(sources.id, sourceId)).limit(1);
    if (!source || !isArchivableUrl(source.url)) return null;
    const [pending] = await tx
      .select({ id: sourceArchives.id, requestedUrl: sourceArchives.requestedUrl })
      .from(sourceArchives)
      .where(and(eq(sourceArchives.sourceId, sourceId), eq(sourceArchives.status, 'pending')))
      .orderBy(desc(sourceArchives.createdAt))
      .limit(1);
    if (pending && pending.requestedUrl === source.url.trim()) return { archiveId: pending.id, created: false };
    return { archiveId: await insertPendingArchive(tx, { sourceId, url: source.url, createdBy: actorId }), created: true };
  });
}

export interface TakenCopy {
  finalUrl: string;
  contentType: string;
  title: string;
  html: string | null;
  readableHtml: string | null;
  readableText: string | null;
  pdf: Uint8Array | null;
  takenAt: Date;
}

/** Records a taken copy; false when the row is gone (source deleted) or no longer pending. */
export async function completeArchive(db: Db, archiveId: string, copy: TakenCopy): Promise<boolean> {
  return transaction(db, async (tx) => {
    const updated = await tx
      .update(sourceArchives)
      .set({
        status: 'done',
        error: null,
        finalUrl: copy.finalUrl,
        contentType: copy.contentType,
        title: copy.title.slice(0, 1000),
        html: copy.html,
        readableHtml: copy.readableHtml,
        readableText: copy.readableText,
        pdf: copy.pdf ? Buffer.from(copy.pdf.buffer, copy.pdf.byteOffset, copy.pdf.byteLength) : null,
        takenAt: copy.takenAt,
      })
      .where(and(eq(sourceArchives.id, archiveId), eq(sourceArchives.status, 'pending')))
      .returning({ id: sourceArchives.id });
    return updated.length === 1;
  });
}

/** Records why a copy could not be taken; false when the row is gone or no longer pending. */
export async function failArchive(db: Db, archiveId: string, error: string, finalUrl: string | null = null): Promise<boolean> {
  return transaction(db, async (tx) => {
    const updated = await tx
      .update(sourceArchives)
      .set({ status: 'failed', error: error.slice(0, 2000), finalUrl })
      .where(and(eq(sourceArchives.id, archiveId), eq(sourceArchives.status, 'pending')))
      .returning({ id: sourceArchives.id });
    return updated.length === 1;
  });
}

/**
 * Pending copies left over by a server that stopped (created before `olderThan`): the newest few
 * are queued again, the rest (created before `giveUpBefore`) are marked failed. Returns the ids to queue.
 */
export async function recoverPendingArchives(db: Db, options: { olderThan: Date; giveUpBefore: Date; limit?: number }): Promise<string[]> {
  const rows = await db
    .select({ id: sourceArchives.id, createdAt: sourceArchives.createdAt })
    .from(sourceArchives)
    .where(and(eq(sourceArchives.status, 'pending'), lt(sourceArchives.createdAt, options.olderThan)))
    .orderBy(desc(sourceArchives.createdAt))
    .limit(options.limit ?? 1000);
  const retry: string[] = [];
  for (const row of rows) {
    if (row.createdAt < options.giveUpBefore) await failArchive(db, row.id, 'The copy was not taken before the server restarted. Try again.');
    else retry.push(row.id);
  }
  return retry.reverse();
}

/** Where live events about a source go (workspace, article, claim); null when it is gone. */
export async function sourceScope(db: Db, sourceId: string): Promise<{ workspaceId: string; articleId: string; claimId: string } | null> {
  const [row] = await db
    .select({ workspaceId: claims.workspaceId, articleId: claims.articleId, claimId: claims.id })
    .from(sources)
    .innerJoin(claims, eq(claims.id, sources.claimId))
    .where(eq(sources.id, sourceId))
    .limit(1);
  return row ?? null;
}
