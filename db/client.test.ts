import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assertReachable, closeDb, DatabaseUnreachableError, dialectOf, engineOf, migrateDb, migrationStatus, openDb, queryRows, resolveDbPath, sqliteConnection, type Db } from './client';
import { activeDialect, describeDatabase } from './dialect';
import { createTestDb } from './test-db';
import { transaction } from './transaction';

// SQLite files opened here directly (on either run: these tests use raw SQL, not the schema).
const dirs: string[] = [];
const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await closeDb(db).catch(() => {});
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openSqliteFile(options: { durable?: boolean } = {}): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-client-'));
  dirs.push(dir);
  const db = openDb({ dialect: 'sqlite', file: path.join(dir, 'app.db') }, options);
  opened.push(db);
  return db;
}

describe('openDb on SQLite', () => {
  it('opens the writer in WAL mode with synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openSqliteFile();
    expect(dialectOf(db)).toBe('sqlite');
    const pragma = (name: string) => sqliteConnection(db).pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    // 2 = FULL: a commit is on disk before it is acknowledged, even across a power cut.
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
  });

  it('reads through a second, read-only connection with the same safety pragmas', () => {
    const db = openSqliteFile();
    const engine = engineOf(db);
    if (engine.dialect !== 'sqlite') throw new Error('expected SQLite');
    expect(engine.reader).not.toBe(engine.writer);
    expect(engine.reader.readonly).toBe(true);
    expect(engine.writer.readonly).toBe(false);
    expect(engine.reader.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(engine.reader.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('only test databases trade durability for speed (synchronous=OFF)', () => {
    expect(sqliteConnection(openSqliteFile({ durable: false })).pragma('synchronous', { simple: true })).toBe(0);
  });

  it('refuses a write outside transaction(); the same write inside one commits', async () => {
    const db = openSqliteFile();
    await transaction(db, async (tx) => {
      await tx.run(sql`CREATE TABLE notes (body TEXT NOT NULL)`);
    });
    // ("attempt to write a readonly database", wrapped by Drizzle)
    await expect((async () => db.run(sql`INSERT INTO notes (body) VALUES ('outside')`))()).rejects.toMatchObject({ cause: { code: 'SQLITE_READONLY' } });
    await transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO notes (body) VALUES ('inside')`);
    });
    expect(await queryRows<{ body: string }>(db, sql`SELECT body FROM notes`)).toEqual([{ body: 'inside' }]);
  });

  it('migrates an empty file to the current schema, idempotently', async () => {
    const db = openSqliteFile();
    expect((await migrationStatus(db)).applied).toBe(0);
    await migrateDb(db);
    await migrateDb(db);
    const status = await migrationStatus(db);
    expect(status.applied).toBe(status.expected);
    expect(status.expected).toBeGreaterThan(0);
  });

  it('closeDb lets a transaction that is under way finish first', async () => {
    const db = openSqliteFile();
    let closed = false;
    const work = transaction(db, async (tx) => {
      await tx.run(sql`CREATE TABLE t (x INTEGER)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(closed).toBe(false);
      await tx.run(sql`INSERT INTO t (x) VALUES (1)`);
    });
    await new Promise((resolve) => setTimeout(resolve, 1));
    const closing = closeDb(db).then(() => (closed = true));
    await work;
    await closing;
    opened.splice(opened.indexOf(db), 1);
  });
});

describe('the configured database', () => {
  it(`answers raw SQL and is fully migrated (${activeDialect()})`, async () => {
    const db = await createTestDb();
    expect(dialectOf(db)).toBe(activeDialect());
    expect(await queryRows<{ ok: number | string }>(db, sql`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    const status = await migrationStatus(db);
    expect(status.applied).toBe(status.expected);
  });
});

describe('an unreachable PostgreSQL', () => {
  it('is reported with where it is, never the password', async () => {
    // Port 1 on this machine: nothing listens there, the connection is refused at once.
    const config = { dialect: 'postgres' as const, url: 'postgres://claimdesk:s3cret-pw@127.0.0.1:1/nowhere' };
    const db = openDb(config, { poolSize: 1 });
    try {
      const error: unknown = await assertReachable(db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseUnreachableError);
      expect((error as Error).message).toContain('Cannot reach the database (PostgreSQL at 127.0.0.1:1/nowhere)');
      expect((error as Error).message).not.toContain('s3cret-pw');
    } finally {
      await closeDb(db);
    }
    expect(describeDatabase(config)).toBe('PostgreSQL at 127.0.0.1:1/nowhere');
  });

  it('is refused by the SQLite-only tools (backup, restore) with a clear message', () => {
    expect(() => resolveDbPath({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@db.example:5432/claimdesk' })).toThrow(/SQLite file; DATABASE_URL points at PostgreSQL/);
    expect(resolveDbPath({ NODE_ENV: 'test', CLAIMDESK_DB: '/tmp/x.db' })).toBe('/tmp/x.db');
  });
});
