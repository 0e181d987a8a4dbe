import 'server-only';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../client';
import { claims, sources } from '../schema';
import { conflict, notFound } from '@/lib/errors';
import type { SourceFields } from '@/lib/validations/claims';
import { toSourceDto } from './claims';
import type { SourceDto } from '@/lib/domain/claims';
import { recordHistory } from './history';

export function addSource(db: Db, claimId: string, fields: SourceFields, actorId: string): SourceDto {
  return db.transaction((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, claimId)).get();
    if (!claim) throw notFound('Claim');
    const last = tx.select({ position: max(sources.position) }).from(sources).where(eq(sources.claimId, claimId)).get();
    const row = tx
      .insert(sources)
      .values({ ...fields, claimId, position: (last?.position ?? -1) + 1, createdBy: actorId })
      .returning()
      .get();
    recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId, entityType: 'source', entityId: row.id, action: 'create', actorId, after: row });
    return toSourceDto(row);
  });
}

export function updateSource(db: Db, sourceId: string, fields: SourceFields & { version: number }, actorId: string): SourceDto {
  return db.transaction((tx) => {
    const current = tx.select().from(sources).where(eq(sources.id, sourceId)).get();
    if (!current) throw notFound('Source');
    if (current.version !== fields.version) throw conflict('Someone else changed this source since you opened it.', toSourceDto(current));
    const { version, ...changes } = fields;
    const row = tx
      .update(sources)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(sources.id, sourceId), eq(sources.version, version)))
      .returning()
      .get();
    const claim = tx.select().from(claims).where(eq(claims.id, current.claimId)).get();
    if (claim) recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'source', entityId: sourceId, action: 'update', actorId, before: current, after: row });
    return toSourceDto(row);
  });
}

export function deleteSource(db: Db, sourceId: string, version: number, actorId: string): void {
  db.transaction((tx) => {
    const current = tx.select().from(sources).where(eq(sources.id, sourceId)).get();
    if (!current) throw notFound('Source');
    if (current.version !== version) throw conflict('Someone else changed this source since you opened it.', toSourceDto(current));
    tx.delete(sources).where(eq(sources.id, sourceId)).run();
    const claim = tx.select().from(claims).where(eq(claims.id, current.claimId)).get();
    if (claim) recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'source', entityId: sourceId, action: 'delete', actorId, before: current });
  });
}
