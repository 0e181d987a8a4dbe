/**
 * Moves a desk's whole database to another database — SQLite → PostgreSQL (the upgrade path),
 * PostgreSQL → SQLite, or SQLite → SQLite — and proves the copy: per table, the row count and a
 * SHA-256 checksum read back from the target through Drizzle must equal the source's.
 *
 * Both schema trees are used directly (db/schema/sqlite and db/schema/pg: the same tables, columns
 * and TypeScript row types), so rows travel as TypeScript values — Dates, booleans, parsed JSON —
 * and each dialect's Drizzle columns map them to its own storage. Tables only one tree defines
 * (PostgreSQL's live-event and presence plumbing: transient) are not copied.
 *
 * The target is migrated first, must be empty, and receives everything in ONE transaction: the
 * tables in foreign-key order (derived from the table configs), in batches; then the checksums are
 * compared inside that same transaction, so a mismatch rolls the whole copy back. The source is
 * read in one snapshot (a read transaction), so a consistent copy is taken even if something else
 * writes to it — still, stop the app first, or whatever it writes after the snapshot is not copied.
 *
 * `npm run db:copy` (scripts/db-copy.ts) is the command-line front end; its arguments are parsed
 * here (`parseCopyArgs`) so they can be tested without a process.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { and, count, eq, getTableColumns, getTableName, gt, is, or, type Column, type SQL } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { transaction } from './transaction';
import { engineOf, migrateDb, migrationStatus, type Db } from './client';
import { describeDatabase, type DatabaseConfig, type Dialect } from './dialect';
import * as pgSchema from './schema/pg';
import * as sqliteSchema from './schema/sqlite';

/** Rows per SELECT and per INSERT (fewer for wide tables, see PARAMETER_BUDGET). */
export const DEFAULT_BATCH_SIZE = 500;
/** Bound parameters per INSERT: SQLite allows 32766, PostgreSQL 65535. */
const PARAMETER_BUDGET = 30_000;

type Row = Record<string, unknown>;

/** One table as both dialects define it. */
export interface CopyTable {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** TypeScript keys of the columns (the same in both trees), sorted: the checksum's field order. */
  columns: string[];
  /** TypeScript keys of the primary key, in key order (all columns when there is none): the row order of reads and checksums. */
  primaryKey: string[];
  hasPrimaryKey: boolean;
  /** Tables this one has foreign keys to (other than itself). */
  references: string[];
}

export class CopyError extends Error {
  override name = 'CopyError';
}

export interface TableReport {
  table: string;
  rows: number;
  /** SHA-256 (hex) over the canonical JSON of the rows in primary-key order (see TableChecksum). */
  checksum: string;
}

export type CopyProgress =
  | { phase: 'migrated' }
  | { phase: 'copied'; table: string; rows: number }
  | { phase: 'verified'; table: string; rows: number; checksum: string };

export interface CopyOptions {
  batchSize?: number;
  onProgress?: (event: CopyProgress) => void;
}

export interface CopyResult {
  /** Every table, in the order it was copied (foreign-key order). */
  tables: TableReport[];
  rows: number;
  /** Tables one dialect only has (transient plumbing), not copied: see dialectOnlyTables(). */
  skipped: string[];
}

// ---------------------------------------------------------------------------------------------
// The tables, from both schema trees

function tablesOf<T>(schema: Record<string, unknown>, isTable: (value: unknown) => value is T, nameOf: (table: T) => string): Map<string, T> {
  const tables = new Map<string, T>();
  for (const value of Object.values(schema)) if (isTable(value)) tables.set(nameOf(value), value);
  return tables;
}

function columnKey(table: SQLiteTable | PgTable, column: Column): string {
  const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column || candidate.name === column.name);
  if (!entry) throw new Error(`db/copy: column ${column.name} not found in ${getTableName(table)}`);
  return entry[0];
}

function describeTable(name: string, sqliteTable: SQLiteTable, pgTable: PgTable): CopyTable {
  const sqliteColumns = Object.keys(getTableColumns(sqliteTable)).sort();
  const pgColumns = Object.keys(getTableColumns(pgTable)).sort();
  if (sqliteColumns.join() !== pgColumns.join()) {
    throw new Error(`db/copy: table ${name} has different columns in db/schema/sqlite (${sqliteColumns.join(', ')}) and db/schema/pg (${pgColumns.join(', ')})`);
  }
  const config = getSqliteTableConfig(sqliteTable);
  const composite = config.primaryKeys[0]?.columns;
  const primaryColumns = composite ?? config.columns.filter((column) => column.primary);
  // A table without a primary key is ordered by every column: still a total, repeatable order.
  const primaryKey = primaryColumns.length > 0 ? primaryColumns.map((column) => columnKey(sqliteTable, column)) : sqliteColumns;
  const references = new Set<string>();
  for (const foreignKey of [...config.foreignKeys, ...getPgTableConfig(pgTable).foreignKeys]) {
    const referenced = getTableName(foreignKey.reference().foreignTable);
    // Rows would have to be ordered parent-first inside the table; no table needs that today.
    if (referenced === name) throw new Error(`db/copy: table ${name} references itself, which this tool does not copy yet`);
    references.add(referenced);
  }
  return { name, sqlite: sqliteTable, pg: pgTable, columns: sqliteColumns, primaryKey, hasPrimaryKey: primaryColumns.length > 0, references: [...references].sort() };
}

function schemaTables() {
  const sqliteTables = tablesOf(sqliteSchema, (value): value is SQLiteTable => is(value, SQLiteTable), (table) => getSqliteTableConfig(table).name);
  const pgTables = tablesOf(pgSchema, (value): value is PgTable => is(value, PgTable), (table) => getPgTableConfig(table).name);
  return { sqliteTables, pgTables };
}

/**
 * Tables the target rebuilds itself, so they are not copied: the search index (`search_docs`) is
 * written by the target's triggers as the rows it indexes are copied in, and its article text
 * blocks at the app's start-up (indexMissingArticleBlocks).
 */
export const DERIVED_TABLES: readonly string[] = ['search_docs'];

/**
 * Tables only one dialect has, which are not copied: PostgreSQL's multi-instance plumbing (live
 * events, presence), transient state a single SQLite process keeps in memory.
 */
export function dialectOnlyTables(): string[] {
  const { sqliteTables, pgTables } = schemaTables();
  return [...sqliteTables.keys()].filter((name) => !pgTables.has(name)).concat([...pgTables.keys()].filter((name) => !sqliteTables.has(name)));
}

/**
 * Every table both dialects define (but the derived ones), parents before children: each table comes after the tables
 * its foreign keys point at (Kahn's algorithm; ties keep the schema's export order).
 */
export function copyTables(): CopyTable[] {
  const { sqliteTables, pgTables } = schemaTables();
  const pending = [...sqliteTables].filter(([name]) => pgTables.has(name) && !DERIVED_TABLES.includes(name)).map(([name, table]) => describeTable(name, table, pgTables.get(name)!));
  const shared = new Set(pending.map((table) => table.name));
  for (const table of pending) {
    const missing = table.references.filter((name) => !shared.has(name));
    if (missing.length > 0) throw new Error(`db/copy: table ${table.name} references ${missing.join(', ')}, which only one dialect defines`);
  }
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  while (pending.length > 0) {
    const next = pending.findIndex((table) => table.references.every((name) => placed.has(name)));
    if (next < 0) throw new Error(`db/copy: foreign keys form a cycle among ${pending.map((table) => table.name).join(', ')}`);
    const [table] = pending.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}

/** Table names in the order they are copied. */
export function copyOrder(): string[] {
  return copyTables().map((table) => table.name);
}

// ---------------------------------------------------------------------------------------------
// Canonical rows and checksums

function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value === 'object') {
    const sorted: Row = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Row)[key];
      if (field !== undefined) sorted[key] = canonicalValue(field);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON that two equal values always serialise to, whichever database they came from: object keys
 * sorted (at every depth — PostgreSQL's jsonb reorders keys), Dates as ISO strings, bigints and
 * non-finite numbers as strings, bytes as base64, undefined as null.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

/**
 * A table's checksum: SHA-256 over its column list, then over the SHA-256 of each row's canonical
 * JSON (its values in column order) in primary-key order. The rows are put in that order here, by
 * their canonical primary key compared as strings, not by the database: SQLite compares text
 * byte-wise, PostgreSQL by the database's collation (e.g. "sign-in:c" < "Signin:a" under ICU's en),
 * and reads should walk the primary-key index whatever its collation.
 */
class TableChecksum {
  private readonly entries: { key: string; digest: Buffer }[] = [];

  constructor(private readonly table: CopyTable) {}

  add(row: Row): void {
    const key = JSON.stringify(this.table.primaryKey.map((column) => canonicalValue(row[column])));
    const line = JSON.stringify(this.table.columns.map((column) => canonicalValue(row[column])));
    this.entries.push({ key, digest: createHash('sha256').update(line).digest() });
  }

  report(): TableReport {
    // The column list goes first, so a column renamed on one side cannot checksum equal.
    const hash = createHash('sha256').update(`${JSON.stringify(this.table.columns)}\n`);
    const sorted = [...this.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const entry of sorted) hash.update(entry.digest);
    return { table: this.table.name, rows: this.entries.length, checksum: hash.digest('hex') };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading and writing through Drizzle on either dialect

/** The part of Drizzle's query builders both dialects share, as this module uses it. */
interface Selection extends PromiseLike<Row[]> {
  where(condition: SQL | undefined): Selection;
  orderBy(...order: Column[]): Selection;
  limit(limit: number): Selection;
  offset(offset: number): Selection;
}
interface Builder {
  select(fields?: Record<string, unknown>): { from(table: SQLiteTable | PgTable): Selection };
  insert(table: SQLiteTable | PgTable): { values(rows: Row[]): PromiseLike<unknown> };
}

/** A Drizzle database or transaction handle, and which schema tree it takes. */
interface Side {
  dialect: Dialect;
  builder: Builder;
}

const tableFor = (side: Side, table: CopyTable) => (side.dialect === 'postgres' ? table.pg : table.sqlite);

async function countRows(side: Side, table: CopyTable): Promise<number> {
  const rows = await side.builder.select({ n: count() }).from(tableFor(side, table));
  return Number(rows[0]?.n ?? 0);
}

function batchSizeFor(table: CopyTable, batchSize: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor(PARAMETER_BUDGET / table.columns.length)));
}

/**
 * Rows after `last` in primary-key order — (k1 > v1) OR (k1 = v1 AND k2 > v2) … — so every batch
 * starts from the primary-key index instead of skipping an OFFSET (which re-reads all earlier rows).
 */
function after(columns: Record<string, Column>, primaryKey: string[], last: Row): SQL | undefined {
  return or(...primaryKey.map((key, i) => and(...primaryKey.slice(0, i).map((earlier) => eq(columns[earlier]!, last[earlier])), gt(columns[key]!, last[key]))));
}

/**
 * Reads the whole table, a batch at a time, in the database's primary-key order (keyset
 * pagination; a table without a primary key is paged by OFFSET over all its columns).
 */
async function forEachBatch(side: Side, table: CopyTable, batchSize: number, fn: (rows: Row[]) => Promise<void>): Promise<void> {
  const size = batchSizeFor(table, batchSize);
  const from = tableFor(side, table);
  const columns: Record<string, Column> = getTableColumns(from);
  const order = table.primaryKey.map((key) => columns[key]!);
  const keyset = table.hasPrimaryKey;
  let last: Row | undefined;
  for (let offset = 0; ; offset += size) {
    const query = side.builder
      .select()
      .from(from)
      .where(keyset && last ? after(columns, table.primaryKey, last) : undefined)
      .orderBy(...order)
      .limit(size);
    const rows = await (keyset ? query : query.offset(offset));
    if (rows.length > 0) await fn(rows);
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

async function checksumTable(side: Side, table: CopyTable, batchSize: number): Promise<TableReport> {
  const checksum = new TableChecksum(table);
  await forEachBatch(side, table, batchSize, async (batch) => {
    for (const row of batch) checksum.add(row);
  });
  return checksum.report();
}

/** Runs `fn` on a read snapshot of `db`: every read in it sees the same committed state. */
async function withSnapshot<T>(db: Db, fn: (side: Side) => Promise<T>): Promise<T> {
  const engine = engineOf(db);
  if (engine.dialect === 'postgres') {
    return engine.db.transaction((tx) => fn({ dialect: 'postgres', builder: tx as unknown as Builder }), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }
  const side: Side = { dialect: 'sqlite', builder: db as unknown as Builder };
  // An in-memory database has one connection for everything; a snapshot there would block writes.
  if (engine.reader === engine.writer) return fn(side);
  engine.reader.exec('BEGIN'); // deferred: the first SELECT fixes the WAL snapshot
  try {
    return await fn(side);
  } finally {
    if (engine.reader.inTransaction) engine.reader.exec('COMMIT');
  }
}

/**
 * Runs `fn` in one write transaction on `db` through the project's `transaction()` (SQLite: the
 * queued writer under BEGIN IMMEDIATE; PostgreSQL: read committed, where only a deadlock would be
 * retried, and a retried copy starts again from an empty, rolled-back target).
 */
async function withWriteTransaction<T>(db: Db, fn: (side: Side) => Promise<T>): Promise<T> {
  const dialect = engineOf(db).dialect;
  return transaction(db, (tx) => fn({ dialect, builder: tx as unknown as Builder }));
}

function isMissingTable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    if ((current as { code?: unknown }).code === '42P01') return true;
    if (/no such table/i.test(String((current as { message?: unknown }).message ?? ''))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function refuseNonEmpty(side: Side, tables: CopyTable[], description: string, options: { missingIsEmpty: boolean }): Promise<void> {
  for (const table of tables) {
    let rows: number;
    try {
      rows = await countRows(side, table);
    } catch (error) {
      if (options.missingIsEmpty && isMissingTable(error)) continue;
      throw error;
    }
    if (rows > 0) {
      throw new CopyError(
        `The target (${description}) is not empty: table "${table.name}" has ${rows} row${rows === 1 ? '' : 's'}. ` +
          'db:copy only copies into an empty database; point --to at a new one (or drop and recreate it).',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The copy

/** Row count and checksum of every table of `db`, in copy order (read through Drizzle, one snapshot). */
export async function databaseChecksums(db: Db, options: { batchSize?: number } = {}): Promise<TableReport[]> {
  const tables = copyTables();
  return withSnapshot(db, async (side) => {
    const reports: TableReport[] = [];
    for (const table of tables) reports.push(await checksumTable(side, table, options.batchSize ?? DEFAULT_BATCH_SIZE));
    return reports;
  });
}

/**
 * Copies every table of `source` into `target` (both opened by `openDb()`), verifies counts and
 * checksums, and commits only if every table matches. Throws `CopyError` when the source is not
 * migrated to the current schema, the target is not empty, or a table does not verify (the
 * target's transaction is then rolled back: only its migrations remain).
 */
export async function copyDatabase(source: Db, target: Db, options: CopyOptions = {}): Promise<CopyResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = options.onProgress ?? (() => {});
  const tables = copyTables();
  const sourceEngine = engineOf(source);
  const targetEngine = engineOf(target);
  const targetDescription = describeDatabase(targetEngine.config);
  if (source === target) throw new CopyError('The source and the target are the same database.');

  const status = await migrationStatus(source);
  if (status.applied !== status.expected) {
    throw new CopyError(
      `The source (${describeDatabase(sourceEngine.config)}) has ${status.applied} of this version's ${status.expected} migrations applied. ` +
        'Start Claimdesk on it once (it migrates on start), then copy.',
    );
  }

  // Before migrating, so a database that already holds data is not touched at all.
  await refuseNonEmpty({ dialect: targetEngine.dialect, builder: target as unknown as Builder }, tables, targetDescription, { missingIsEmpty: true });
  await migrateDb(target);
  progress({ phase: 'migrated' });

  return withSnapshot(source, (from) =>
    withWriteTransaction(target, async (to) => {
      // Again inside the transaction: nothing can have been written between the check and the copy.
      await refuseNonEmpty(to, tables, targetDescription, { missingIsEmpty: false });

      const copied = new Map<string, TableReport>();
      for (const table of tables) {
        const checksum = new TableChecksum(table);
        const into = tableFor(to, table);
        let rows = 0;
        await forEachBatch(from, table, batchSize, async (batch) => {
          try {
            await to.builder.insert(into).values(batch);
          } catch (error) {
            throw new CopyError(`Copying table "${table.name}" failed (rows ${rows + 1}–${rows + batch.length}): ${messageOf(error)}`, { cause: error });
          }
          for (const row of batch) checksum.add(row);
          rows += batch.length;
        });
        const sourceCount = await countRows(from, table);
        if (sourceCount !== rows) throw new CopyError(`Table "${table.name}": the source has ${sourceCount} rows but ${rows} were read from it.`);
        copied.set(table.name, checksum.report());
        progress({ phase: 'copied', table: table.name, rows });
      }

      const reports: TableReport[] = [];
      for (const table of tables) {
        const expected = copied.get(table.name)!;
        const targetCount = await countRows(to, table);
        const actual = await checksumTable(to, table, batchSize);
        if (targetCount !== expected.rows || actual.rows !== expected.rows) {
          throw new CopyError(`Verification failed for table "${table.name}": ${expected.rows} rows in the source, ${targetCount} in the target. Nothing was committed.`);
        }
        if (actual.checksum !== expected.checksum) {
          throw new CopyError(
            `Verification failed for table "${table.name}": checksums differ (source ${expected.checksum.slice(0, 12)}, target ${actual.checksum.slice(0, 12)}). Nothing was committed.`,
          );
        }
        reports.push(actual);
        progress({ phase: 'verified', table: table.name, rows: actual.rows, checksum: actual.checksum });
      }
      return { tables: reports, rows: reports.reduce((sum, report) => sum + report.rows, 0), skipped: dialectOnlyTables() };
    }),
  );
}

/**
 * What went wrong, for people: the driver's own message (Drizzle's wrapper repeats the whole
 * statement and every parameter — a batch of rows), PostgreSQL's detail line, and never a
 * connection URL (it may hold a password).
 */
export function messageOf(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause instanceof Error && /^Failed query/.test(current.message); depth += 1) current = current.cause;
  let message = current instanceof Error ? current.message : String(current);
  const detail = (current as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string' && detail) message += ` (${detail})`;
  return message.replace(/postgres(ql)?:\/\/\S*/gi, '<url>');
}

// ---------------------------------------------------------------------------------------------
// Command-line arguments (scripts/db-copy.ts)

export const COPY_USAGE = [
  'Usage: npm run db:copy -- --from DATABASE --to DATABASE',
  '',
  'Copies every table of one Claimdesk database into another, empty one, in one transaction,',
  'then checks row counts and a SHA-256 checksum per table (a mismatch rolls the copy back).',
  'Stop the app first. DATABASE is one of:',
  '  sqlite:PATH                                   a SQLite file, e.g. sqlite:./data/claimdesk.db',
  '  postgres://USER:PASSWORD@HOST:PORT/DATABASE   a PostgreSQL database (created beforehand)',
  '',
  'Example: npm run db:copy -- --from sqlite:./data/claimdesk.db --to postgres://claimdesk:secret@localhost:5432/claimdesk',
  'Exit codes: 0 copied and verified, 1 failed (nothing committed), 2 usage error.',
].join('\n');

export class CopyUsageError extends Error {
  override name = 'CopyUsageError';
}

export type CopyCommand = { kind: 'help' } | { kind: 'copy'; from: DatabaseConfig; to: DatabaseConfig };

/** `sqlite:PATH` or `postgres://…` → where the database is. Messages never repeat the URL (it may hold a password). */
export function parseDatabaseArg(option: '--from' | '--to', value: string): DatabaseConfig {
  const text = value.trim();
  if (/^sqlite:/i.test(text)) {
    // sqlite:PATH; sqlite:///abs/path is accepted too.
    const file = text.slice('sqlite:'.length).replace(/^\/\/(?=.)/, '');
    if (file === '' || file === '//') throw new CopyUsageError(`${option}: sqlite: needs a file path, e.g. sqlite:./data/claimdesk.db`);
    if (file === ':memory:') throw new CopyUsageError(`${option}: an in-memory SQLite database cannot be copied from or to.`);
    return { dialect: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new CopyUsageError(`${option}: not a valid PostgreSQL URL (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE).`);
    }
    if (!url.hostname) throw new CopyUsageError(`${option}: the PostgreSQL URL names no host.`);
    if (url.pathname.replace(/^\//, '') === '') throw new CopyUsageError(`${option}: the PostgreSQL URL names no database (…/DATABASE at the end).`);
    return { dialect: 'postgres', url: text };
  }
  if (text === '') throw new CopyUsageError(`${option} is empty.`);
  throw new CopyUsageError(`${option} must start with sqlite: (a file, e.g. sqlite:./data/claimdesk.db) or postgres:// (a server).`);
}

function sameDatabase(a: DatabaseConfig, b: DatabaseConfig): boolean {
  if (a.dialect === 'sqlite' && b.dialect === 'sqlite') return path.resolve(a.file) === path.resolve(b.file);
  if (a.dialect === 'postgres' && b.dialect === 'postgres') {
    const where = (config: { url: string }) => {
      const url = new URL(config.url);
      return `${url.hostname.toLowerCase()}:${url.port || '5432'}${decodeURIComponent(url.pathname)}`;
    };
    return where(a) === where(b);
  }
  return false;
}

/** `--from DATABASE --to DATABASE` (or `--from=…`), `--help`; anything else is a usage error. */
export function parseCopyArgs(argv: readonly string[]): CopyCommand {
  const values: { '--from'?: string; '--to'?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const match = /^(--from|--to)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      // Never echo something that looks like a URL: it may hold a password.
      const problem = /^(sqlite:|[a-z]+:\/\/)/i.test(arg) ? 'A database is named without --from or --to before it.' : `Unknown argument "${arg}".`;
      throw new CopyUsageError(`${problem}\n${COPY_USAGE}`);
    }
    const option = match[1] as '--from' | '--to';
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined || value.startsWith('--')) throw new CopyUsageError(`${option} needs a database (sqlite:PATH or postgres://…).\n${COPY_USAGE}`);
    if (values[option] !== undefined) throw new CopyUsageError(`${option} is given twice.\n${COPY_USAGE}`);
    values[option] = value;
  }
  if (values['--from'] === undefined || values['--to'] === undefined) {
    throw new CopyUsageError(`Say where to copy ${values['--from'] === undefined ? 'from (--from)' : 'to (--to)'}.\n${COPY_USAGE}`);
  }
  let from: DatabaseConfig;
  let to: DatabaseConfig;
  try {
    from = parseDatabaseArg('--from', values['--from']);
    to = parseDatabaseArg('--to', values['--to']);
  } catch (error) {
    if (error instanceof CopyUsageError) throw new CopyUsageError(`${error.message}\n${COPY_USAGE}`);
    throw error;
  }
  if (sameDatabase(from, to)) throw new CopyUsageError(`--from and --to are the same database (${describeDatabase(from)}).\n${COPY_USAGE}`);
  return { kind: 'copy', from, to };
}
