import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDb, migrateDb, openDb, type Db } from './client';
import { databaseConfig } from './dialect';

/**
 * Fresh, migrated databases for tests, on the dialect the run is configured for: a SQLite file
 * copied from a migrated template (a real file, so reads and writes use separate connections as in
 * production), or a PostgreSQL database created from a migrated template database. Each test gets
 * its own; `closeTestDbs()` (vitest.setup.ts, after each test) closes and removes them.
 */

const open: Db[] = [];
const cleanups: (() => Promise<void>)[] = [];
let sqliteTemplate: Promise<string> | undefined;
let pgTemplate: Promise<string> | undefined;

const scratchDir = () => {
  const dir = path.join(os.tmpdir(), `claimdesk-test-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

async function buildSqliteTemplate(): Promise<string> {
  const file = path.join(scratchDir(), 'template.db');
  fs.rmSync(file, { force: true });
  const db = openDb({ dialect: 'sqlite', file }, { durable: false });
  await migrateDb(db);
  await closeDb(db); // closing checkpoints the WAL into the file, so a plain copy is complete
  return file;
}

function adminUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function buildPgTemplate(url: string): Promise<string> {
  const journal = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'pg', 'meta', '_journal.json'), 'utf8');
  const name = `claimdesk_tmpl_${hash(journal)}`;
  await withAdmin(url, async (admin) => {
    // Test files run in parallel processes: the first builds the template, the others wait on the lock.
    await admin.query('SELECT pg_advisory_lock(7240312)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${name}`);
        const db = openDb({ dialect: 'postgres', url: adminUrl(url, name) }, { poolSize: 1 });
        try {
          await migrateDb(db);
        } catch (error) {
          await closeDb(db);
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
          throw error;
        }
        await closeDb(db);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7240312)');
    }
  });
  return name;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

export async function createTestDb(): Promise<Db> {
  const config = databaseConfig();
  if (config.dialect === 'postgres') {
    pgTemplate ??= buildPgTemplate(config.url);
    const template = await pgTemplate;
    const name = `claimdesk_test_${process.pid}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await withAdmin(config.url, async (admin) => {
      // CREATE DATABASE … TEMPLATE refuses while another copy from the same template is starting.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
          return;
        } catch (error) {
          if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
        }
      }
    });
    const db = openDb({ dialect: 'postgres', url: adminUrl(config.url, name) }, { poolSize: 4 });
    open.push(db);
    cleanups.push(() => withAdmin(config.url, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))));
    return db;
  }
  sqliteTemplate ??= buildSqliteTemplate();
  const template = await sqliteTemplate;
  const file = path.join(scratchDir(), `${crypto.randomUUID()}.db`);
  fs.copyFileSync(template, file);
  const db = openDb({ dialect: 'sqlite', file }, { durable: false });
  open.push(db);
  cleanups.push(async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  });
  return db;
}

/** How many test databases are open now: `closeTestDbs(mark)` closes the ones opened after. */
export function testDbMark(): number {
  return open.length;
}

/** Closes the databases `createTestDb` opened (after `mark`, or all) and removes them. */
export async function closeTestDbs(mark = 0): Promise<void> {
  const dbs = open.splice(mark);
  const steps = cleanups.splice(mark);
  await Promise.all(dbs.map((db) => closeDb(db).catch(() => {})));
  for (const step of steps) await step().catch(() => {});
}
