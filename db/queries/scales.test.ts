import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, type Db } from '../client';
import { users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { getScale, replaceScale } from './scales';
import { AppError } from '@/lib/errors';

let db: Db;
let workspaceId: string;
let ownerId: string;

beforeEach(async () => {
  db = createTestDb();
  await seedDemo(db);
  workspaceId = db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).get()!.id;
  ownerId = db.select().from(users).where(eq(users.email, 'nadia@claimdesk.demo')).get()!.id;
});

const levelsOf = (db: Db, id: string) => getScale(db, id).levels.map(({ key, label, color, value, description }) => ({ key, label, color, value, description }));

describe('rating scale edits', () => {
  it('renames in place so claims keep their verdicts', () => {
    const scale = getScale(db, workspaceId);
    const levels = levelsOf(db, workspaceId).map((l) => (l.key === 'false' ? { ...l, label: 'Incorrect' } : l));
    const saved = replaceScale(db, workspaceId, { name: scale.name, levels, version: scale.version }, ownerId);
    expect(saved.version).toBe(scale.version + 1);
    const falseLevel = saved.levels.find((l) => l.key === 'false')!;
    expect(falseLevel.label).toBe('Incorrect');
    expect(falseLevel.id).toBe(scale.levels.find((l) => l.key === 'false')!.id);
  });

  it('adds and reorders levels', () => {
    const scale = getScale(db, workspaceId);
    const levels = [{ key: 'pants-on-fire', label: 'Pants on fire', color: '#7f0000', value: -1, description: '' }, ...levelsOf(db, workspaceId)];
    const saved = replaceScale(db, workspaceId, { name: scale.name, levels, version: scale.version }, ownerId);
    expect(saved.levels.map((l) => l.key).slice(0, 2)).toEqual(['pants-on-fire', 'true']);
  });

  it('refuses to remove a level claims use, a stale version, and an invalid scale', () => {
    const scale = getScale(db, workspaceId);
    const withoutFalse = levelsOf(db, workspaceId).filter((l) => l.key !== 'false');
    expect(() => replaceScale(db, workspaceId, { name: scale.name, levels: withoutFalse, version: scale.version }, ownerId)).toThrow(/Cannot remove "False": claims use it/);
    expect(() => replaceScale(db, workspaceId, { name: scale.name, levels: levelsOf(db, workspaceId), version: 99 }, ownerId)).toThrow(AppError);
    expect(() => replaceScale(db, workspaceId, { name: scale.name, levels: [], version: scale.version }, ownerId)).toThrow(/at least two levels/);
    // Nothing changed.
    expect(getScale(db, workspaceId)).toEqual(scale);
  });
});
