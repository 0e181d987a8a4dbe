import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { claims, claimVerdicts, ratingLevels, ratingScales } from '../schema';
import { AppError, conflict, notFound } from '@/lib/errors';
import { DEFAULT_RATING_LEVELS, DEFAULT_SCALE_NAME, ratingScaleInputSchema, type RatingScaleInput } from '@/lib/verdicts';
import { recordHistory, type Tx } from './history';
import type { ScaleDto } from '@/lib/domain/scales';

export async function getScale(db: Db | Tx, workspaceId: string): Promise<ScaleDto> {
  const [scale] = await db.select().from(ratingScales).where(eq(ratingScales.workspaceId, workspaceId)).limit(1);
  if (!scale) throw notFound('Rating scale');
  const levels = await db
    .select({ id: ratingLevels.id, key: ratingLevels.key, label: ratingLevels.label, description: ratingLevels.description, color: ratingLevels.color, value: ratingLevels.value, position: ratingLevels.position })
    .from(ratingLevels)
    .where(eq(ratingLevels.scaleId, scale.id))
    .orderBy(asc(ratingLevels.position));
  return { id: scale.id, name: scale.name, version: scale.version, levels };
}

export async function createDefaultScale(tx: Tx, workspaceId: string): Promise<void> {
  const [scale] = await tx.insert(ratingScales).values({ workspaceId, name: DEFAULT_SCALE_NAME }).returning({ id: ratingScales.id });
  if (!scale) throw new Error('createDefaultScale: the insert returned no row');
  await tx.insert(ratingLevels).values(DEFAULT_RATING_LEVELS.map((level, position) => ({ ...level, description: level.description ?? '', scaleId: scale.id, position })));
}

/**
 * Replaces the scale's levels, matched by key: existing keys are updated in place (claims keep
 * their verdicts), new keys are added, and a removed key is refused while any claim uses it.
 */
export async function replaceScale(db: Db, workspaceId: string, input: RatingScaleInput & { version: number }, actorId: string): Promise<ScaleDto> {
  const parsed = ratingScaleInputSchema.parse(input);
  // Read committed is enough: the version-checked UPDATE of the scale refuses a concurrent edit,
  // and the foreign keys (on delete restrict) refuse removing a level a verdict took meanwhile.
  return transaction(db, async (tx) => {
    const current = await getScale(tx, workspaceId);
    if (current.version !== input.version) throw conflict('Someone else changed the rating scale since you opened it.', current);
    // Version-checked first: the row lock makes a concurrent edit of the same version wait, then fail here.
    const bumped = await tx
      .update(ratingScales)
      .set({ name: parsed.name, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(ratingScales.id, current.id), eq(ratingScales.version, current.version)))
      .returning({ id: ratingScales.id });
    if (bumped.length !== 1) throw conflict('Someone else changed the rating scale since you opened it.', await getScale(tx, workspaceId));
    const keep = new Set(parsed.levels.map((l) => l.key));
    const removed = current.levels.filter((l) => !keep.has(l.key));
    if (removed.length) {
      const ids = removed.map((l) => l.id);
      const inUse =
        (await tx.select({ id: claims.id }).from(claims).where(inArray(claims.verdictId, ids)).limit(1)).length +
        (await tx.select({ id: claimVerdicts.id }).from(claimVerdicts).where(inArray(claimVerdicts.verdictId, ids)).limit(1)).length;
      if (inUse) throw new AppError('unprocessable', `Cannot remove ${removed.map((l) => `"${l.label}"`).join(', ')}: claims use it. Rename it or re-rate those claims first.`);
      await tx.delete(ratingLevels).where(inArray(ratingLevels.id, ids));
    }
    const byKey = new Map(current.levels.map((l) => [l.key, l]));
    for (const [position, level] of parsed.levels.entries()) {
      const existing = byKey.get(level.key);
      if (existing) await tx.update(ratingLevels).set({ ...level, position }).where(eq(ratingLevels.id, existing.id));
      else await tx.insert(ratingLevels).values({ ...level, position, scaleId: current.id });
    }
    await recordHistory(tx, { workspaceId, articleId: null, claimId: null, entityType: 'scale', entityId: current.id, action: 'update', actorId, before: current, after: parsed });
    return getScale(tx, workspaceId);
  });
}

/** Refuses a rating level that is not on this workspace's scale (ids from elsewhere never become verdicts). */
export async function assertLevelInWorkspace(tx: Tx, verdictId: string, workspaceId: string): Promise<void> {
  const [row] = await tx
    .select({ id: ratingLevels.id })
    .from(ratingLevels)
    .innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId))
    .where(and(eq(ratingLevels.id, verdictId), eq(ratingScales.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw new AppError('unprocessable', 'That verdict is not on this workspace’s rating scale.');
}
