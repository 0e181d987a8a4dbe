/**
 * `npm run db:copy -- --from sqlite:./data/claimdesk.db --to postgres://USER:PASSWORD@HOST:PORT/DB`:
 * moves a desk's whole database to another (empty) database — SQLite → PostgreSQL, PostgreSQL →
 * SQLite or SQLite → SQLite — in one transaction, verified per table by row count and checksum
 * (db/copy.ts). Stop the app first. Exit codes: 0 copied and verified, 1 failed, 2 usage error.
 * Databases are named by host, port and database only: a password is never printed.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { closeDb, openDb, queryRows, type Db } from '../db/client';
import { COPY_USAGE, CopyError, copyDatabase, CopyUsageError, messageOf, parseCopyArgs, type CopyProgress } from '../db/copy';
import { describeDatabase, type DatabaseConfig } from '../db/dialect';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Like assertReachable (db/client.ts), but keeps the driver's reason ("database … does not exist"). */
async function reach(db: Db, config: DatabaseConfig): Promise<void> {
  try {
    await queryRows(db, sql`SELECT 1 AS ok`);
  } catch (error) {
    throw new Error(`Cannot reach ${describeDatabase(config)}: ${messageOf(error)}`, { cause: error });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let from: DatabaseConfig;
  let to: DatabaseConfig;
  try {
    const command = parseCopyArgs(argv);
    if (command.kind === 'help') {
      out(COPY_USAGE);
      return 0;
    }
    ({ from, to } = command);
  } catch (error) {
    if (!(error instanceof CopyUsageError)) throw error;
    err(`db:copy: ${error.message}`);
    return EXIT_USAGE;
  }

  // openDb would create an empty SQLite file for a mistyped source path.
  if (from.dialect === 'sqlite' && !fs.existsSync(from.file)) {
    err(`db:copy: there is no SQLite database at ${from.file}.`);
    return EXIT_FAILURE;
  }
  const createdTargetFile = to.dialect === 'sqlite' && !fs.existsSync(to.file);

  out(`Copying from ${describeDatabase(from)}`);
  out(`          to ${describeDatabase(to)}`);
  const started = performance.now();
  const opened: Db[] = [];
  let ok = false;
  try {
    const source = openDb(from, { poolSize: 2 });
    opened.push(source);
    const target = openDb(to, { poolSize: 2 });
    opened.push(target);
    await reach(source, from);
    await reach(target, to);

    const width = 24;
    let verifying = false;
    const result = await copyDatabase(source, target, {
      onProgress: (event: CopyProgress) => {
        if (event.phase === 'migrated') {
          out('Target migrated to the current schema; copying in one transaction…');
        } else if (event.phase === 'copied') {
          out(`  copied   ${event.table.padEnd(width)}${String(event.rows).padStart(9)} rows`);
        } else if (!verifying) {
          verifying = true;
          out('Reading the target back to compare row counts and checksums…');
        }
      },
    });
    ok = true;

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out();
    out(`${'table'.padEnd(width)}${'rows'.padStart(9)}  sha-256`);
    for (const table of result.tables) out(`${table.table.padEnd(width)}${String(table.rows).padStart(9)}  ${table.checksum.slice(0, 16)}`);
    out(`${'total'.padEnd(width)}${String(result.rows).padStart(9)}`);
    out();
    if (result.skipped.length > 0) out(`Not copied (transient, one dialect only): ${result.skipped.join(', ')}.`);
    out(`Copied and verified ${result.rows} rows in ${result.tables.length} tables in ${seconds} s: every row count and checksum matches.`);
    if (to.dialect === 'postgres') out('Start Claimdesk with DATABASE_URL set to the target URL to use it.');
    else out(`Start Claimdesk with CLAIMDESK_DB=${to.file} (and no DATABASE_URL) to use it.`);
    return 0;
  } catch (error) {
    err(`db:copy failed: ${messageOf(error)}`);
    if (error instanceof CopyError) err('No rows were committed to the target.');
    if (process.env.DEBUG && error instanceof Error && error.stack) err(error.stack.replace(/postgres(ql)?:\/\/\S*/gi, '<url>'));
    return EXIT_FAILURE;
  } finally {
    for (const db of opened) await closeDb(db).catch(() => {});
    if (!ok && createdTargetFile && to.dialect === 'sqlite') removeSqliteFile(to.file);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`db:copy failed: ${messageOf(error)}`);
    process.exitCode = EXIT_FAILURE;
  },
);
