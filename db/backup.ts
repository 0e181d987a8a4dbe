/**
 * Online backup and safe restore of the SQLite database (`npm run backup`, `npm run restore`).
 *
 * Backup uses SQLite's online backup API (better-sqlite3 `db.backup()`), copying every page in one
 * step, i.e. one read transaction: the copy is a consistent snapshot that contains every write
 * committed before it started, while the app keeps serving (WAL readers never block the writer).
 * It is written to a temporary file beside the target and renamed, so a half-written backup never
 * carries the final name.
 *
 * Restore refuses to replace a database that a running app has open. Detection: open the target
 * with `locking_mode=EXCLUSIVE` and a zero busy timeout and begin a transaction. In WAL mode that
 * needs the wal-index to itself, which SQLite grants only when no other connection, in any
 * process, has the database open (the app holds its connection for its whole life). So the check
 * sees an idle app too, not just one that is writing, and it changes nothing when it fails.
 * A lock/pid file was the alternative; it goes stale when the app is killed, this cannot.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A backup or restore that cannot proceed; the message says why and what to do. Nothing was changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';
/** Tables every Claimdesk database has; a SQLite file without them is some other database. */
const REQUIRED_TABLES = ['articles', 'claims', 'history_entries', 'workspaces'];
/** better-sqlite3 clamps the pages-per-step to this; as one step it copies everything at once. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/** Copies the live database `source` to `out` (a new or replaced file). */
export async function backupDatabase(source: string, out: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}. Set CLAIMDESK_DB to the app's database file.`);
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  if (path.resolve(source) === target) throw new BackupError('The backup file must not be the database itself.');
  const temp = tempPathBeside(target, 'backup');
  // Read-write like the app's own connection (a read-only one cannot open a WAL database whose
  // -shm is missing); the backup only reads.
  const db = new Database(source, { fileMustExist: true });
  try {
    const progress = await db.backup(temp, { progress: () => ALL_PAGES });
    assertHealthy(temp, 'The backup just written');
    fsyncFile(temp);
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return { file: target, bytes: fs.statSync(target).size, pages: progress.totalPages };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** Replace the database even if another connection (a running app) has it open. */
  force?: boolean;
}

/**
 * Replaces `target` with the backup `file`, atomically: the backup is checked first
 * (integrity_check, Claimdesk tables), copied to a temporary file in the target's folder and
 * renamed over the target; the old database's -wal/-shm are removed so they cannot be replayed
 * onto the restored one. On any refusal nothing is overwritten.
 */
export async function restoreDatabase(file: string, target: string, options: RestoreOptions = {}): Promise<{ file: string; bytes: number }> {
  const backupFile = path.resolve(file);
  const targetFile = path.resolve(target);
  if (backupFile === targetFile) throw new BackupError('The backup and the database are the same file.');
  assertHealthy(backupFile, 'The backup');
  if (!fs.existsSync(path.dirname(targetFile))) throw new BackupError(`The folder ${path.dirname(targetFile)} does not exist.`);
  if (fs.existsSync(targetFile) && !options.force && isInUse(targetFile)) {
    throw new BackupError(`${targetFile} is open in another process (is Claimdesk running?). Stop the app first, or pass --force and restart the app right after.`);
  }

  const temp = tempPathBeside(targetFile, 'restore');
  const source = new Database(backupFile, { fileMustExist: true, readonly: true });
  try {
    // Through SQLite rather than a file copy: a backup that has its own -wal comes out whole.
    await source.backup(temp, { progress: () => ALL_PAGES });
    fsyncFile(temp);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
  if (fs.existsSync(targetFile) && !options.force) checkpoint(targetFile);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${targetFile}${suffix}`, { force: true });
  fs.renameSync(temp, targetFile);
  fsyncDir(path.dirname(targetFile));
  return { file: targetFile, bytes: fs.statSync(targetFile).size };
}

/** Whether another connection has `file` open (see the module comment). */
export function isInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Throws BackupError unless `file` is a readable, intact Claimdesk SQLite database. */
export function assertHealthy(file: string, what: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`${what} ${file} does not exist.`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${what} ${file} is not a file.`);
  if (!hasSqliteHeader(file)) throw new BackupError(`${what} ${file} is not a SQLite database.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, readonly: true });
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new BackupError(`${what} ${file} is damaged (integrity_check: ${problems.slice(0, 3).join('; ')}).`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new BackupError(`${what} ${file} is not a Claimdesk database (no ${missing.join(', ')} table).`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${what} ${file} cannot be read as a SQLite database (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    db?.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

/** Folds the old database's WAL into its file first, so nothing committed hangs on a sidecar we delete. */
function checkpoint(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function tempPathBeside(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${process.pid}-${Date.now()}.tmp`);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable (the directory entry itself). */
function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
