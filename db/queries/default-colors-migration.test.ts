import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Db } from '../client';
import { execRaw, migrationStatements } from '@/test/fixtures/migration-sql';
import { transaction } from '../transaction';
import { ratingLevels } from '../schema';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { DEFAULT_RATING_LEVELS, PREVIOUS_DEFAULT_COLORS } from '@/lib/verdicts/default-scale';

/**
 * Migration 0004 moves workspaces still on the old default verdict colours to the new ones (which
 * stay apart under colour-vision deficiencies) and leaves colours an owner chose alone. The test
 * puts the seeded levels back on the old colours, runs the migration's UPDATEs, and reads them.
 */

function colourStatements(db: Db): string[] {
  const statements = migrationStatements(db, '0004_precise_annotation.sql').filter((s) => s.startsWith('UPDATE rating_levels'));
  expect(statements, 'one UPDATE per default level').toHaveLength(DEFAULT_RATING_LEVELS.length);
  return statements;
}


let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

describe('migration 0004: default verdict colours', () => {
  it('moves levels on the old default colour to the new one and keeps chosen colours', async () => {
    await transaction(f.db, async (tx) => {
      for (const [key, colour] of Object.entries(PREVIOUS_DEFAULT_COLORS)) {
        await tx.update(ratingLevels).set({ color: colour.toUpperCase() }).where(eq(ratingLevels.id, f.level(key)));
      }
      // An owner's own choice for one level; and the other workspace's False stays on the old colour.
      await tx.update(ratingLevels).set({ color: '#123456' }).where(eq(ratingLevels.id, f.level('misleading')));
      await tx.update(ratingLevels).set({ color: PREVIOUS_DEFAULT_COLORS.false! }).where(eq(ratingLevels.id, f.level('false', f.otherWorkspaceId)));
    });

    for (const statement of colourStatements(f.db)) await execRaw(f.db, statement);

    const colourOf = async (id: string) => (await f.db.select({ color: ratingLevels.color }).from(ratingLevels).where(eq(ratingLevels.id, id)))[0]!.color;
    for (const level of DEFAULT_RATING_LEVELS) {
      const expected = level.key === 'misleading' ? '#123456' : level.color;
      expect(await colourOf(f.level(level.key)), level.key).toBe(expected);
    }
    expect(await colourOf(f.level('false', f.otherWorkspaceId))).toBe(DEFAULT_RATING_LEVELS.find((l) => l.key === 'false')!.color);
  });

  it('changes nothing in a workspace already on the new colours', async () => {
    for (const statement of colourStatements(f.db)) await execRaw(f.db, statement);
    for (const level of DEFAULT_RATING_LEVELS) {
      const [row] = await f.db.select({ color: ratingLevels.color }).from(ratingLevels).where(eq(ratingLevels.id, f.level(level.key)));
      expect(row!.color, level.key).toBe(level.color);
    }
  });
});
