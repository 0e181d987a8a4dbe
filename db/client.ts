import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/** Queries are plain selects on the tables in db/schema; Drizzle's relational `db.query` API is not used. */
export type Db = BetterSQLite3Database & { $client: Database.Database };

export const DEFAULT_DB_PATH = './data/claimdesk.db';
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function resolveDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAIMDESK_DB && env.CLAIMDESK_DB.trim() !== '' ? env.CLAIMDESK_DB : DEFAULT_DB_PATH;
}

/**
 * Opens (creating if needed) a SQLite database with the pragmas every connection needs:
 * WAL so readers never block the writer, foreign keys enforced, a busy timeout so a
 * concurrent writer waits instead of failing with SQLITE_BUSY, and synchronous=FULL: in WAL mode
 * NORMAL may lose the last commits on a power cut or OS crash, and a fact-check that was
 * acknowledged must not vanish (cost measured in bench/sqlite-durability.bench.ts).
 */
export function createDb(file: string = resolveDbPath()): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return drizzle(sqlite);
}

export function migrateDb(db: Db, migrationsFolder: string = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}

/** A migrated in-memory database, for unit tests. */
export function createTestDb(): Db {
  const db = createDb(':memory:');
  migrateDb(db);
  return db;
}
