import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { claims, claimVerdicts, ratingLevels, ratingScales } from '../schema';
import { AppError, conflict, notFound } from '@/lib/errors';
import { DEFAULT_RATING_LEVELS, DEFAULT_SCALE_NAME, ratingScaleInputSchema, type RatingScaleInput } from '@/lib/verdicts';
import { recordHistory, type Tx } from './history';
import type { ScaleDto } from '@/lib/domain/scales';

export function getScale(db: Db | Tx, workspaceId: string): ScaleDto {
  const scale = db.select().from(ratingScales).where(eq(ratingScales.workspaceId, workspaceId)).get();
  if (!scale) throw notFound('Rating scale');
  const levels = db
    .select({ id: ratingLevels.id, key: ratingLevels.key, label: ratingLevels.label, description: ratingLevels.description, color: ratingLevels.color, value: ratingLevels.value, position: ratingLevels.position })
    .from(ratingLevels)
    .where(eq(ratingLevels.scaleId, scale.id))
    .orderBy(asc(ratingLevels.position))
    .all();
  return { id: scale.id, name: scale.name, version: scale.version, levels };
}

export function createDefaultScale(tx: Tx, workspaceId: string): void {
  const scale = tx.insert(ratingScales).values({ workspaceId, name: DEFAULT_SCALE_NAME }).returning({ id: ratingScales.id }).get();
  tx.insert(ratingLevels)
    .values(DEFAULT_RATING_LEVELS.map((level, position) => ({ ...level, description: level.description ?? '', scaleId: scale.id, position })))
    .run();
}

/**
 * Replaces the scale's levels, matched by key: existing keys are updated in place (claims keep
 * their verdicts), new keys are added, and a removed key is refused while any claim uses it.
 */
export function replaceScale(db: Db, workspaceId: string, input: RatingScaleInput & { version: number }, actorId: string): ScaleDto {
  const parsed = ratingScaleInputSchema.parse(input);
  return db.transaction((tx) => {
    const current = getScale(tx, workspaceId);
    if (current.version !== input.version) throw conflict('Someone else changed the rating scale since you opened it.', current);
    const keep = new Set(parsed.levels.map((l) => l.key));
    const removed = current.levels.filter((l) => !keep.has(l.key));
    if (removed.length) {
      const ids = removed.map((l) => l.id);
      const inUse = tx.select({ id: claims.id }).from(claims).where(inArray(claims.verdictId, ids)).limit(1).all().length + tx.select({ id: claimVerdicts.id }).from(claimVerdicts).where(inArray(claimVerdicts.verdictId, ids)).limit(1).all().length;
      if (inUse) throw new AppError('unprocessable', `Cannot remove ${removed.map((l) => `"${l.label}"`).join(', ')}: claims use it. Rename it or re-rate those claims first.`);
      tx.delete(ratingLevels).where(inArray(ratingLevels.id, ids)).run();
    }
    const byKey = new Map(current.levels.map((l) => [l.key, l]));
    parsed.levels.forEach((level, position) => {
      const existing = byKey.get(level.key);
      if (existing) tx.update(ratingLevels).set({ ...level, position }).where(eq(ratingLevels.id, existing.id)).run();
      else tx.insert(ratingLevels).values({ ...level, position, scaleId: current.id }).run();
    });
    tx.update(ratingScales).set({ name: parsed.name, version: current.version + 1, updatedAt: new Date() }).where(eq(ratingScales.id, current.id)).run();
    recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'scale', entityId: current.id, action: 'update', actorId, before: current, after: parsed });
    return getScale(tx, workspaceId);
  });
}

/** Refuses a rating level that is not on this workspace's scale (ids from elsewhere never become verdicts). */
export function assertLevelInWorkspace(tx: Tx, verdictId: string, workspaceId: string): void {
  const row = tx
    .select({ id: ratingLevels.id })
    .from(ratingLevels)
    .innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId))
    .where(and(eq(ratingLevels.id, verdictId), eq(ratingScales.workspaceId, workspaceId)))
    .get();
  if (!row) throw new AppError('unprocessable', 'That verdict is not on this workspace’s rating scale.');
}
