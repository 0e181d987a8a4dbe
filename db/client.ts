import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { databaseConfig, describeDatabase, type DatabaseConfig, type Dialect } from './dialect';

export { DEFAULT_DB_PATH } from './dialect';

/**
 * The database as every query sees it, on either dialect. Queries are written once against
 * Drizzle's async SQLite types and always `await` the query builder; on PostgreSQL a node-postgres
 * Drizzle database stands in at run time (the builders share their API; `.get()/.all()/.run()`,
 * which only better-sqlite3 has, are banned by ESLint). Outside `transaction()` it only reads:
 * on SQLite it is a read-only connection, so a write outside a transaction fails loudly.
 */
export type Db = BaseSQLiteDatabase<'async', unknown>;

interface SqliteEngine {
  dialect: 'sqlite';
  config: DatabaseConfig;
  reader: Database.Database;
  writer: Database.Database;
  /** The writer as a Drizzle database: only `transaction()` hands it out, one holder at a time. */
  writerDb: Db;
  /** Tail of the queue of transactions waiting for the writer. */
  queue: Promise<void>;
}

interface PgEngine {
  dialect: 'postgres';
  config: DatabaseConfig;
  pool: pg.Pool;
  db: NodePgDatabase;
}

export type Engine = SqliteEngine | PgEngine;

/**
 * The engine rides on the handle under a registered symbol, not in a module-level map: Next.js
 * bundles this module more than once (instrumentation, each route's server chunk), and a handle
 * opened by one copy must work in all of them.
 */
const ENGINE = Symbol.for('claimdesk.db.engine');

function attachEngine(db: Db, engine: Engine): void {
  Object.defineProperty(db, ENGINE, { value: engine, enumerable: false });
}

export function engineOf(db: Db): Engine {
  const engine = (db as unknown as { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new Error('engineOf: not a database opened by openDb() (a transaction handle has no engine)');
  return engine;
}

export function dialectOf(db: Db): Dialect {
  return engineOf(db).dialect;
}

/** @deprecated use databaseConfig(); kept for the SQLite-only backup tools. */
export function resolveDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = databaseConfig(env);
  if (config.dialect !== 'sqlite') throw new Error('This tool works on the SQLite file; DATABASE_URL points at PostgreSQL (use pg_dump there).');
  return config.file;
}

/**
 * SQLite with the pragmas every connection needs: WAL so readers never block the writer, foreign
 * keys enforced, a busy timeout so a writer in another process is waited for instead of failing
 * with SQLITE_BUSY, and synchronous=FULL: in WAL mode NORMAL may lose the last commits on a power
 * cut, and a fact-check that was acknowledged must not vanish (bench/sqlite-durability.bench.ts).
 */
function openSqliteConnection(file: string, options: { readonly: boolean; durable: boolean }): Database.Database {
  const connection = new Database(file, { readonly: options.readonly });
  if (!options.readonly) connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma(`synchronous = ${options.durable ? 'FULL' : 'OFF'}`);
  return connection;
}

/** `durable: false` only for throwaway test databases. */
export function openDb(config: DatabaseConfig = databaseConfig(), options: { durable?: boolean; poolSize?: number } = {}): Db {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5000 });
    // An idle client losing its connection (the server restarted) must not crash the process;
    // the pool drops it and the next query opens a new one.
    pool.on('error', () => {});
    const db = drizzlePg(pool);
    const handle = db as unknown as Db;
    attachEngine(handle, { dialect: 'postgres', config, pool, db });
    return handle;
  }
  const durable = options.durable ?? true;
  const memory = config.file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const writer = openSqliteConnection(config.file, { readonly: false, durable });
  // Reads go through their own read-only connection: they see only committed data (WAL snapshot),
  // never a transaction that another request has open on the writer. An in-memory database cannot
  // be shared between connections, so there the one connection does both.
  const reader = memory ? writer : openSqliteConnection(config.file, { readonly: true, durable });
  const writerDb = drizzleSqlite(writer) as unknown as Db;
  const db = (memory ? writerDb : drizzleSqlite(reader)) as unknown as Db;
  attachEngine(db, { dialect: 'sqlite', config, reader, writer, writerDb, queue: Promise.resolve() });
  return db;
}

export async function closeDb(db: Db): Promise<void> {
  const engine = engineOf(db);
  if (engine.dialect === 'postgres') {
    await engine.pool.end();
    return;
  }
  await engine.queue;
  if (engine.reader !== engine.writer) engine.reader.close();
  engine.writer.close();
}

/** The better-sqlite3 connection that writes, for SQLite-only tools (online backup). */
export function sqliteConnection(db: Db): Database.Database {
  const engine = engineOf(db);
  if (engine.dialect !== 'sqlite') throw new Error('sqliteConnection: this database is PostgreSQL');
  return engine.writer;
}

export function migrationsFolder(dialect: Dialect): string {
  return path.join(process.cwd(), 'db', 'migrations', dialect === 'postgres' ? 'pg' : 'sqlite');
}

// Any constant works: instances starting together queue on it instead of migrating twice.
const MIGRATION_LOCK = 7_240_311;

/** Applies the migrations drizzle-kit generated for this database's dialect (idempotent). */
export async function migrateDb(db: Db): Promise<void> {
  const engine = engineOf(db);
  if (engine.dialect === 'sqlite') {
    migrateSqlite(engine.writerDb as unknown as Parameters<typeof migrateSqlite>[0], { migrationsFolder: migrationsFolder('sqlite') });
    return;
  }
  const client = await engine.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder('postgres') });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** Runs raw SQL that returns rows, on either dialect (health checks, tools). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const engine = engineOf(db);
  if (engine.dialect === 'postgres') return (await engine.db.execute(query)).rows as T[];
  return (db as unknown as { all: (q: SQL) => Promise<T[]> }).all(query);
}

/** How many migrations exist for this dialect and how many the database has applied. */
export async function migrationStatus(db: Db): Promise<{ expected: number; applied: number }> {
  const engine = engineOf(db);
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(engine.dialect), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const table = engine.dialect === 'postgres' ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
  try {
    const rows = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${table}`);
    return { expected: journal.entries.length, applied: Number(rows[0]?.n ?? 0) };
  } catch {
    return { expected: journal.entries.length, applied: 0 };
  }
}

/**
 * Proves the database answers, or throws an error that names where it is (host, never the
 * password) — what `scripts/start.sh`, the seed and the server print before exiting non-zero.
 */
export async function assertReachable(db: Db): Promise<void> {
  const engine = engineOf(db);
  try {
    await queryRows(db, sql`SELECT 1 AS ok`);
  } catch (error) {
    // Drizzle wraps the driver's error ("Failed query: SELECT 1"); the cause says why (refused, auth…).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = (cause instanceof Error ? cause.message || (cause as { code?: string }).code || cause.name : String(cause)).replace(/postgres(ql)?:\/\/[^\s]*/gi, '<url>');
    throw new DatabaseUnreachableError(`Cannot reach the database (${describeDatabase(engine.config)}): ${reason}`);
  }
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Opens the configured database, proves it answers and brings its schema up to date. */
export async function openMigratedDb(config: DatabaseConfig = databaseConfig()): Promise<Db> {
  const db = openDb(config);
  try {
    await assertReachable(db);
    await migrateDb(db);
  } catch (error) {
    await closeDb(db).catch(() => {});
    throw error;
  }
  return db;
}
