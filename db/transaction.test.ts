/**
 * What the code leans on when it wraps writes in `db.transaction(...)` (see "Transactions" in
 * docs/architecture.md): on better-sqlite3, Drizzle's transactions are synchronous. A callback that
 * throws rolls everything back; an async callback is refused by better-sqlite3, and whatever it does
 * after its first `await` runs outside any transaction. Run against a file database migrated with
 * the project's migrations, in the pragmas production uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, migrateDb, type Db } from './client';
import { workspaces } from './schema';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-tx-'));
  db = createDb(path.join(dir, 'tx.db'));
  migrateDb(db);
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const workspace = (slug: string) => ({ slug, name: slug, organizationName: 'Org' });
const slugs = () =>
  db
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .all()
    .map((w) => w.slug)
    .sort();

describe('Drizzle transactions on better-sqlite3', () => {
  it('commits every write of a callback that returns', () => {
    db.transaction((tx) => {
      tx.insert(workspaces).values(workspace('a')).run();
      tx.insert(workspaces).values(workspace('b')).run();
    });
    expect(slugs()).toEqual(['a', 'b']);
  });

  it('rolls back every write, earlier statements included, when the callback throws, and rethrows the error', () => {
    db.insert(workspaces).values(workspace('before')).run();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(workspaces).values(workspace('a')).run();
        tx.update(workspaces).set({ name: 'renamed' }).where(eq(workspaces.slug, 'before')).run();
        throw new Error('refused halfway');
      }),
    ).toThrow('refused halfway');
    expect(slugs()).toEqual(['before']);
    expect(db.select({ name: workspaces.name }).from(workspaces).get()?.name).toBe('before');
  });

  it('rolls back when a statement inside fails (a constraint), not only on thrown errors', () => {
    expect(() =>
      db.transaction((tx) => {
        tx.insert(workspaces).values(workspace('a')).run();
        tx.insert(workspaces).values(workspace('a')).run(); // slug is unique
      }),
    ).toThrow(/UNIQUE constraint failed/);
    expect(slugs()).toEqual([]);
  });

  it('rolls back a nested transaction (a savepoint) alone when the outer one catches its error', () => {
    db.transaction((tx) => {
      tx.insert(workspaces).values(workspace('outer')).run();
      try {
        tx.transaction((inner) => {
          inner.insert(workspaces).values(workspace('inner')).run();
          throw new Error('inner fails');
        });
      } catch {
        // The outer transaction goes on without the inner writes.
      }
    });
    expect(slugs()).toEqual(['outer']);
  });

  it('leaves the database usable for the next transaction after a rollback', () => {
    expect(() =>
      db.transaction(() => {
        throw new Error('first fails');
      }),
    ).toThrow('first fails');
    db.transaction((tx) => tx.insert(workspaces).values(workspace('next')).run());
    expect(slugs()).toEqual(['next']);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('refuses an async callback: its writes before the first await are rolled back, those after it are committed outside any transaction', async () => {
    let finished!: () => void;
    const resumed = new Promise<void>((resolve) => (finished = resolve));
    expect(() =>
      db.transaction(async (tx) => {
        tx.insert(workspaces).values(workspace('before-await')).run();
        await Promise.resolve();
        tx.insert(workspaces).values(workspace('after-await')).run();
        finished();
      }),
    ).toThrow(/cannot return a promise/);
    await resumed;
    expect(db.$client.inTransaction).toBe(false);
    // The write before the await was undone with the refused transaction; the one after it was not
    // protected by anything and committed on its own. Hence: never pass an async callback.
    expect(slugs()).toEqual(['after-await']);
  });

  it('does not refuse an async nested callback, and does not roll it back when its promise rejects', async () => {
    let nested: Promise<void> | undefined;
    db.transaction((tx) => {
      nested = tx.transaction(async (inner) => {
        inner.insert(workspaces).values(workspace('nested')).run();
        await Promise.resolve();
        throw new Error('too late to roll back');
      });
    });
    await expect(nested).rejects.toThrow('too late to roll back');
    // The savepoint was released when the callback returned its promise; the rejection came after.
    expect(slugs()).toEqual(['nested']);
  });
});
