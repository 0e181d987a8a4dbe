import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { getScale, replaceScale } from './scales';
import { AppError } from '@/lib/errors';

let db: Db;
let workspaceId: string;
let ownerId: string;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db);
  workspaceId = (await db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1))[0]!.id;
  ownerId = (await db.select().from(users).where(eq(users.email, 'nadia@claimdesk.demo')).limit(1))[0]!.id;
});

const levelsOf = async (db: Db, id: string) => (await getScale(db, id)).levels.map(({ key, label, color, value, description }) => ({ key, label, color, value, description }));

describe('rating scale edits', () => {
  it('renames in place so claims keep their verdicts', async () => {
    const scale = await getScale(db, workspaceId);
    const levels = (await levelsOf(db, workspaceId)).map((l) => (l.key === 'false' ? { ...l, label: 'Incorrect' } : l));
    const saved = await replaceScale(db, workspaceId, { name: scale.name, levels, version: scale.version }, ownerId);
    expect(saved.version).toBe(scale.version + 1);
    const falseLevel = saved.levels.find((l) => l.key === 'false')!;
    expect(falseLevel.label).toBe('Incorrect');
    expect(falseLevel.id).toBe(scale.levels.find((l) => l.key === 'false')!.id);
  });

  it('adds and reorders levels', async () => {
    const scale = await getScale(db, workspaceId);
    const levels = [{ key: 'pants-on-fire', label: 'Pants on fire', color: '#7f0000', value: -1, description: '' }, ...(await levelsOf(db, workspaceId))];
    const saved = await replaceScale(db, workspaceId, { name: scale.name, levels, version: scale.version }, ownerId);
    expect(saved.levels.map((l) => l.key).slice(0, 2)).toEqual(['pants-on-fire', 'true']);
  });

  it('refuses to remove a level claims use, a stale version, and an invalid scale', async () => {
    const scale = await getScale(db, workspaceId);
    const withoutFalse = (await levelsOf(db, workspaceId)).filter((l) => l.key !== 'false');
    await expect(replaceScale(db, workspaceId, { name: scale.name, levels: withoutFalse, version: scale.version }, ownerId)).rejects.toThrow(/Cannot remove "False": claims use it/);
    await expect(replaceScale(db, workspaceId, { name: scale.name, levels: await levelsOf(db, workspaceId), version: 99 }, ownerId)).rejects.toThrow(AppError);
    await expect(replaceScale(db, workspaceId, { name: scale.name, levels: [], version: scale.version }, ownerId)).rejects.toThrow(/at least two levels/);
    // Nothing changed.
    expect(await getScale(db, workspaceId)).toEqual(scale);
  });
});
