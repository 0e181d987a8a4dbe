import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from './test-db';
import { engineOf } from './client';
import { transaction } from './transaction';
import { workspaces } from './schema';

/** Group commit on SQLite (db/transaction.ts): queued transactions share one COMMIT; each still succeeds or fails alone. */
const sqliteOnly = process.env.DATABASE_URL ? describe.skip : describe;

sqliteOnly('SQLite group commit', () => {
  it('commits transactions that queued together in fewer COMMITs, and each caller sees its write durable', async () => {
    const db = await createTestDb();
    const engine = engineOf(db);
    if (engine.dialect !== 'sqlite') throw new Error('unreachable');
    const exec = engine.writer.exec.bind(engine.writer);
    let commits = 0;
    engine.writer.exec = ((source: string) => {
      if (source === 'COMMIT') commits += 1;
      return exec(source);
    }) as typeof engine.writer.exec;
    try {
      const names = Array.from({ length: 20 }, (_, i) => `Batch ${i}`);
      const ids = await Promise.all(
        names.map((name, i) =>
          transaction(db, async (tx) => {
            const [row] = await tx.insert(workspaces).values({ name, slug: `batch-${i}`, organizationName: name }).returning({ id: workspaces.id });
            return row!.id;
          }),
        ),
      );
      expect(ids).toHaveLength(20);
      expect(commits).toBeGreaterThanOrEqual(1);
      expect(commits).toBeLessThan(20);
      // Visible to the read connection once the promises settled.
      const rows = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(workspaces).where(sql`${workspaces.slug} like 'batch-%'`);
      expect(rows[0]!.n).toBe(20);
      expect(engine.writer.inTransaction).toBe(false);
    } finally {
      engine.writer.exec = exec;
    }
  });

  it('a transaction without group commit commits the open batch before it starts, so earlier writes do not wait for it', async () => {
    const db = await createTestDb();
    const settled: string[] = [];
    let releaseLong!: () => void;
    const longMayFinish = new Promise<void>((resolve) => (releaseLong = resolve));
    const quick = transaction(db, async (tx) => {
      await tx.insert(workspaces).values({ name: 'Quick', slug: 'quick', organizationName: 'O' });
    }).then(() => settled.push('quick'));
    const long = transaction(
      db,
      async (tx) => {
        await tx.insert(workspaces).values({ name: 'Long', slug: 'long', organizationName: 'O' });
        await longMayFinish;
      },
      { groupCommit: false },
    ).then(() => settled.push('long'));
    // The quick one is durable and answered while the long one still runs.
    await quick;
    expect(settled).toEqual(['quick']);
    expect((await db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.slug, 'quick'))).length).toBe(1);
    releaseLong();
    await long;
    expect(settled).toEqual(['quick', 'long']);
    expect((await db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.slug, 'long'))).length).toBe(1);
  });

  it('rolls back a failing transaction alone; the others of its batch commit', async () => {
    const db = await createTestDb();
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map((i) =>
        transaction(db, async (tx) => {
          await tx.insert(workspaces).values({ name: `W ${i}`, slug: `w-${i}`, organizationName: 'O' });
          if (i === 2) throw new Error('refused');
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const slugs = (await db.select({ slug: workspaces.slug }).from(workspaces).where(sql`${workspaces.slug} like 'w-%'`)).map((r) => r.slug).sort();
    expect(slugs).toEqual(['w-0', 'w-1', 'w-3']);
    // A unique violation inside one transaction is that transaction's error only.
    const dup = await Promise.allSettled([
      transaction(db, async (tx) => tx.insert(workspaces).values({ name: 'D', slug: 'dup', organizationName: 'O' })),
      transaction(db, async (tx) => tx.insert(workspaces).values({ name: 'D2', slug: 'dup', organizationName: 'O' })),
      transaction(db, async (tx) => tx.update(workspaces).set({ name: 'Renamed' }).where(eq(workspaces.slug, 'w-0'))),
    ]);
    expect(dup.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.slug, 'w-0')))[0]!.name).toBe('Renamed');
  });

  it('fails every member when the COMMIT fails, and leaves the writer usable', async () => {
    const db = await createTestDb();
    const engine = engineOf(db);
    if (engine.dialect !== 'sqlite') throw new Error('unreachable');
    const exec = engine.writer.exec.bind(engine.writer);
    let failNext = true;
    engine.writer.exec = ((source: string) => {
      if (source === 'COMMIT' && failNext) {
        failNext = false;
        throw new Error('disk I/O error');
      }
      return exec(source);
    }) as typeof engine.writer.exec;
    try {
      const results = await Promise.allSettled([0, 1, 2].map((i) => transaction(db, async (tx) => tx.insert(workspaces).values({ name: `F ${i}`, slug: `f-${i}`, organizationName: 'O' }))));
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(await db.select().from(workspaces).where(sql`${workspaces.slug} like 'f-%'`)).toEqual([]);
      expect(engine.writer.inTransaction).toBe(false);
      await transaction(db, async (tx) => tx.insert(workspaces).values({ name: 'After', slug: 'after', organizationName: 'O' }));
      expect(await db.select().from(workspaces).where(eq(workspaces.slug, 'after'))).toHaveLength(1);
    } finally {
      engine.writer.exec = exec;
    }
  });
});
