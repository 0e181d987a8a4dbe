import 'server-only';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { claims, sources } from '../schema';
import { conflict, notFound } from '@/lib/errors';
import type { SourceFields, UpdateSourceInput } from '@/lib/validations/claims';
import { toSourceDto } from './claims';
import type { SourceArchiveDto, SourceDto } from '@/lib/domain/claims';
import { assertClaimWritable } from './article-lock';
import { recordHistory } from './history';
import { insertPendingArchive, isArchivableUrl, latestArchive } from './source-archives';

/**
 * Sources are read-only on a published or retracted article (409, see assertArticleWritable). A new
 * source is internal unless `isPublic` says otherwise.
 */
export async function addSource(db: Db, claimId: string, fields: SourceFields, actorId: string): Promise<SourceDto> {
  // The position is allocated from the current maximum: serializable, so two sources added at once
  // cannot both take the same number (PostgreSQL retries the loser; SQLite writes one at a time).
  return transaction(
    db,
    async (tx) => {
      await assertClaimWritable(tx, claimId);
      const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).limit(1);
      if (!claim) throw notFound('Claim');
      const [last] = await tx.select({ position: max(sources.position) }).from(sources).where(eq(sources.claimId, claimId));
      const [row] = await tx
        .insert(sources)
        .values({ ...fields, isPublic: fields.isPublic ?? false, excerptPrefix: fields.excerptPrefix ?? '', excerptSuffix: fields.excerptSuffix ?? '', claimId, position: (last?.position ?? -1) + 1, createdBy: actorId })
        .returning();
      if (!row) throw new Error('addSource: the insert returned no row');
      await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId, entityType: 'source', entityId: row.id, action: 'create', actorId, after: row });
      // A web page is copied in the background (lib/server/archive): the route queues this pending copy after the commit.
      const archiveId = isArchivableUrl(row.url) ? await insertPendingArchive(tx, { sourceId: row.id, url: row.url, createdBy: actorId }) : null;
      return toSourceDto(row, archiveId ? pendingArchive(archiveId) : null);
    },
    { isolation: 'serializable' },
  );
}

/**
 * Replaces the source's fields if `version` is current; `isPublic` left out keeps its current value,
 * and so does the excerpt's context left out while the excerpt stays the same (a changed excerpt
 * without context clears it).
 */
export async function updateSource(db: Db, sourceId: string, fields: UpdateSourceInput, actorId: string): Promise<SourceDto> {
  return transaction(db, async (tx) => {
    const [current] = await tx.select().from(sources).where(eq(sources.id, sourceId)).limit(1);
    if (!current) throw notFound('Source');
    await assertClaimWritable(tx, current.claimId);
    if (current.version !== fields.version) throw conflict('Someone else changed this source since you opened it.', toSourceDto(current));
    const { version, isPublic, excerptPrefix, excerptSuffix, ...rest } = fields;
    // The context left out is kept only while the excerpt it surrounds is: a new excerpt without context has none.
    const sameExcerpt = rest.excerpt === current.excerpt;
    const changes = {
      ...rest,
      isPublic: isPublic ?? current.isPublic,
      excerptPrefix: excerptPrefix ?? (sameExcerpt ? current.excerptPrefix : ''),
      excerptSuffix: excerptSuffix ?? (sameExcerpt ? current.excerptSuffix : ''),
    };
    const [row] = await tx
      .update(sources)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(sources.id, sourceId), eq(sources.version, version)))
      .returning();
    if (!row) throw conflict('Someone else changed this source since you opened it.', null);
    const [claim] = await tx.select().from(claims).where(eq(claims.id, current.claimId)).limit(1);
    if (claim) await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'source', entityId: sourceId, action: 'update', actorId, before: current, after: row });
    // A new web address is a new page to copy; otherwise the copy shown stays.
    if (row.url.trim() !== current.url.trim() && isArchivableUrl(row.url)) return toSourceDto(row, pendingArchive(await insertPendingArchive(tx, { sourceId, url: row.url, createdBy: actorId })));
    return toSourceDto(row, await latestArchive(tx, sourceId));
  });
}

export async function deleteSource(db: Db, sourceId: string, version: number, actorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    const [current] = await tx.select().from(sources).where(eq(sources.id, sourceId)).limit(1);
    if (!current) throw notFound('Source');
    await assertClaimWritable(tx, current.claimId);
    if (current.version !== version) throw conflict('Someone else changed this source since you opened it.', toSourceDto(current));
    const deleted = await tx
      .delete(sources)
      .where(and(eq(sources.id, sourceId), eq(sources.version, version)))
      .returning({ id: sources.id });
    if (deleted.length !== 1) throw conflict('Someone else changed this source since you opened it.', null);
    const [claim] = await tx.select().from(claims).where(eq(claims.id, current.claimId)).limit(1);
    if (claim) await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'source', entityId: sourceId, action: 'delete', actorId, before: current });
  });
}

function pendingArchive(id: string): SourceArchiveDto {
  return { id, status: 'pending', takenAt: null, error: null, finalUrl: null, hasPdf: false, hasText: false };
}
