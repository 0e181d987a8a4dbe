/**
 * What the code leans on when it wraps writes in `transaction(db, async (tx) => …)` (db/transaction.ts,
 * "Transactions" in docs/architecture.md), on the dialect of this run (SQLite, or PostgreSQL when
 * DATABASE_URL is set): every write of the callback commits together or not at all, across its
 * awaits; a nested call joins the outer transaction; concurrent requests cannot interleave inside
 * one another's read-then-write; and a read outside never sees a transaction half done.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, dialectOf, engineOf, openDb, type Db } from './client';
import { activeDialect } from './dialect';
import { rateLimits, workspaces } from './schema';
import { createTestDb } from './test-db';
import { isUniqueViolation, transaction, type Tx } from './transaction';

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

const workspace = (slug: string) => ({ slug, name: slug, organizationName: 'Org' });
const slugs = async () => (await db.select({ slug: workspaces.slug }).from(workspaces).orderBy(asc(workspaces.slug))).map((w) => w.slug);
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

// A counter row (rate_limits has no foreign keys): read, wait, write back + 1.
const T = new Date(1_700_000_000_000);
async function createCounter(key = 'counter') {
  await transaction(db, async (tx) => {
    await tx.insert(rateLimits).values({ key, count: 0, windowStartedAt: T, updatedAt: T });
  });
}
const readCount = async (handle: Db | Tx, key = 'counter') => (await handle.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key)).limit(1))[0]!.count;
async function increment(tx: Tx, key = 'counter') {
  const count = await readCount(tx, key);
  await tick(); // another request's transaction gets every chance to run in between
  await tx.update(rateLimits).set({ count: count + 1 }).where(eq(rateLimits.key, key));
}

describe(`transaction() on ${activeDialect() === 'postgres' ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('commits every write of a callback that returns, and answers its value', async () => {
    const answer = await transaction(db, async (tx) => {
      await tx.insert(workspaces).values(workspace('a'));
      await tick();
      await tx.insert(workspaces).values(workspace('b'));
      return 42;
    });
    expect(answer).toBe(42);
    expect(await slugs()).toEqual(['a', 'b']);
  });

  it('rolls back every write, across awaits and earlier statements included, when the callback throws, and rethrows the error', async () => {
    await transaction(db, async (tx) => {
      await tx.insert(workspaces).values(workspace('before'));
    });
    await expect(
      transaction(db, async (tx) => {
        await tx.insert(workspaces).values(workspace('a'));
        await tick();
        await tx.update(workspaces).set({ name: 'renamed' }).where(eq(workspaces.slug, 'before'));
        await tick();
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');
    expect(await slugs()).toEqual(['before']);
    expect((await db.select({ name: workspaces.name }).from(workspaces).limit(1))[0]?.name).toBe('before');
  });

  it('rolls back when a statement inside fails (a unique index), not only on thrown errors', async () => {
    const error: unknown = await transaction(db, async (tx) => {
      await tx.insert(workspaces).values(workspace('a'));
      await tx.insert(workspaces).values(workspace('a')); // slug is unique
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
    expect(await slugs()).toEqual([]);
  });

  it('a nested call joins the outer transaction: it sees the outer writes, and its own roll back with the outer ones', async () => {
    await expect(
      transaction(db, async (tx) => {
        await tx.insert(workspaces).values(workspace('outer'));
        const seen = await transaction(tx, async (inner) => {
          expect(inner).toBe(tx);
          await inner.insert(workspaces).values(workspace('inner'));
          return (await inner.select({ slug: workspaces.slug }).from(workspaces)).length;
        });
        expect(seen).toBe(2);
        throw new Error('outer fails after the nested call returned');
      }),
    ).rejects.toThrow('outer fails');
    expect(await slugs()).toEqual([]);

    await transaction(db, async (tx) => {
      await tx.insert(workspaces).values(workspace('outer'));
      await transaction(tx, async (inner) => {
        await inner.insert(workspaces).values(workspace('inner'));
      });
    });
    expect(await slugs()).toEqual(['inner', 'outer']);
  });

  it('leaves the database usable for the next transaction after a rollback', async () => {
    await expect(
      transaction(db, async () => {
        await tick();
        throw new Error('first fails');
      }),
    ).rejects.toThrow('first fails');
    await transaction(db, async (tx) => {
      await tx.insert(workspaces).values(workspace('next'));
    });
    expect(await slugs()).toEqual(['next']);
    const engine = engineOf(db);
    if (engine.dialect === 'sqlite') expect(engine.writer.inTransaction).toBe(false);
    else expect(engine.pool.totalCount - engine.pool.idleCount).toBe(0); // every client went back to the pool
  });

  it('is atomic under concurrent requests: 50 read-then-write increments, each awaiting in between, add up to exactly 50', async () => {
    await createCounter();
    // SQLite: transactions take turns on the writer, so the default is enough. PostgreSQL: read
    // committed would lose updates here (both read 7, both write 8); serializable aborts the
    // loser of each conflict and transaction() runs it again.
    const isolation = dialectOf(db) === 'postgres' ? ('serializable' as const) : undefined;
    await Promise.all(Array.from({ length: 50 }, () => transaction(db, (tx) => increment(tx), { isolation })));
    expect(await readCount(db)).toBe(50);
  });

  it.runIf(activeDialect() === 'postgres')('PostgreSQL at read committed would lose updates in the same race (why the isolation option exists)', async () => {
    await createCounter();
    // Three transactions (the test pool has four connections) all read before any writes.
    let arrived = 0;
    let allRead!: () => void;
    const barrier = new Promise<void>((resolve) => (allRead = resolve));
    await Promise.all(
      Array.from({ length: 3 }, () =>
        transaction(db, async (tx) => {
          const count = await readCount(tx);
          if ((arrived += 1) === 3) allRead();
          await barrier;
          await tx.update(rateLimits).set({ count: count + 1 }).where(eq(rateLimits.key, 'counter'));
        }),
      ),
    );
    expect(await readCount(db)).toBe(1);
  });

  // Two SQLite handles in one process would deadlock instead (the second BEGIN IMMEDIATE waits
  // synchronously, blocking the event loop the first needs); separate processes do not.
  it.runIf(activeDialect() === 'postgres')('holds across two connections to the same database (two app instances)', async () => {
    await createCounter();
    const other = openDb(engineOf(db).config, { poolSize: 4 });
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => transaction(i % 2 ? other : db, (tx) => increment(tx), { isolation: 'serializable' })));
    } finally {
      await closeDb(other);
    }
    expect(await readCount(db)).toBe(20);
  });

  it('a reader outside the transaction never sees it half done: not between its writes, not before it commits', async () => {
    await createCounter('a');
    await createCounter('b');
    let midway!: () => void;
    let finish!: () => void;
    const reachedMidway = new Promise<void>((resolve) => (midway = resolve));
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const writer = transaction(db, async (tx) => {
      await tx.update(rateLimits).set({ count: 1 }).where(eq(rateLimits.key, 'a'));
      midway();
      await mayFinish;
      await tx.update(rateLimits).set({ count: 1 }).where(eq(rateLimits.key, 'b'));
    });
    await reachedMidway;
    // Between the two writes: the first one is not visible outside.
    expect([await readCount(db, 'a'), await readCount(db, 'b')]).toEqual([0, 0]);
    finish();
    await writer;
    expect([await readCount(db, 'a'), await readCount(db, 'b')]).toEqual([1, 1]);
  });

  it('another transaction started meanwhile sees the first one whole or not at all (a snapshot on PostgreSQL)', async () => {
    await createCounter('a');
    await createCounter('b');
    let midway!: () => void;
    const reachedMidway = new Promise<void>((resolve) => (midway = resolve));
    const first = transaction(db, async (tx) => {
      await tx.update(rateLimits).set({ count: 1 }).where(eq(rateLimits.key, 'a'));
      midway();
      await tick();
      await tick();
      await tx.update(rateLimits).set({ count: 1 }).where(eq(rateLimits.key, 'b'));
    });
    await reachedMidway;
    // SQLite: it waits for the first to commit. PostgreSQL: read committed takes a new snapshot
    // per statement (it could read a before and b after the commit); repeatable read takes one.
    const seen = await transaction(db, async (tx) => [await readCount(tx, 'a'), await readCount(tx, 'b')], { isolation: 'repeatable read' });
    await first;
    expect([[0, 0], [1, 1]]).toContainEqual(seen);
  });
});
