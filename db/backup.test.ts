import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, isInUse, restoreDatabase } from './backup';
import { closeDb, migrateDb, openDb, sqliteConnection } from './client';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A migrated Claimdesk database file with one workspace row to recognise it by. */
async function appDb(name: string, workspaceName: string): Promise<string> {
  const file = path.join(dir, name);
  // Always SQLite (backups are of the SQLite file), whatever DATABASE_URL this run has.
  const db = openDb({ dialect: 'sqlite', file });
  await migrateDb(db);
  sqliteConnection(db).prepare("INSERT INTO workspaces (id, name, slug, organization_name, created_at) VALUES (?, ?, ?, ?, 0)").run(crypto.randomUUID(), workspaceName, workspaceName.toLowerCase(), workspaceName);
  await closeDb(db);
  return file;
}

function workspaceNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM workspaces ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** A process that opens `file` like the app does and keeps the connection until killed. */
async function holdOpen(file: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(${JSON.stringify(file)});d.pragma('journal_mode = WAL');d.prepare('select 1').get();console.log('open');setInterval(()=>{},1000)`]);
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

async function expectBackupError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

describe('backupDatabase', () => {
  it('writes a consistent copy and replaces an older backup atomically (no temp file left)', async () => {
    const live = await appDb('live.db', 'Desk');
    const out = path.join(dir, 'nightly.db');
    fs.writeFileSync(out, 'an old backup');
    const result = await backupDatabase(live, out);
    expect(result).toMatchObject({ file: out, pages: expect.any(Number) });
    expect(workspaceNames(out)).toEqual(['Desk']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says so when the database or the output folder is missing', async () => {
    await expectBackupError(backupDatabase(path.join(dir, 'nope.db'), path.join(dir, 'out.db')), /No database at .*CLAIMDESK_DB/);
    const live = await appDb('live.db', 'Desk');
    await expectBackupError(backupDatabase(live, path.join(dir, 'missing-folder', 'out.db')), /does not exist/);
    await expectBackupError(backupDatabase(live, live), /must not be the database itself/);
  });
});

describe('restoreDatabase', () => {
  it('replaces the database with the backup and removes the old -wal/-shm', async () => {
    const backup = await appDb('backup.db', 'Yesterday');
    const target = await appDb('app.db', 'Today');
    fs.writeFileSync(`${target}-wal`, 'stale wal of the old database');
    fs.writeFileSync(`${target}-shm`, 'stale shm');
    await restoreDatabase(backup, target);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(workspaceNames(target)).toEqual(['Yesterday']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('restores into a path with no database yet', async () => {
    const backup = await appDb('backup.db', 'Yesterday');
    const target = path.join(dir, 'fresh.db');
    await restoreDatabase(backup, target);
    expect(workspaceNames(target)).toEqual(['Yesterday']);
  });

  const bad: Array<[string, (file: string) => void, RegExp]> = [
    ['a missing file', () => undefined, /does not exist/],
    ['an empty file', (f) => fs.writeFileSync(f, ''), /not a SQLite database/],
    ['a text file', (f) => fs.writeFileSync(f, 'id,name\n1,Desk\n'), /not a SQLite database/],
    ['another SQLite database', (f) => new Database(f).exec('CREATE TABLE notes (body TEXT)').close(), /not a Claimdesk database \(no articles, claims, history_entries, workspaces table\)/],
  ];
  for (const [what, make, message] of bad) {
    it(`refuses ${what} and leaves the database untouched`, async () => {
      const target = await appDb('app.db', 'Today');
      const before = fs.readFileSync(target);
      const file = path.join(dir, 'candidate.db');
      make(file);
      await expectBackupError(restoreDatabase(file, target), message);
      expect(fs.readFileSync(target).equals(before)).toBe(true);
      expect(workspaceNames(target)).toEqual(['Today']);
    });
  }

  it('refuses a corrupted backup (integrity_check) and leaves the database untouched', async () => {
    const backup = await appDb('backup.db', 'Yesterday');
    // Many rows, so the damage lands in table pages rather than the header.
    const db = new Database(backup);
    db.exec('CREATE INDEX ws_name ON workspaces(name)');
    const insert = db.prepare("INSERT INTO workspaces (id, name, slug, organization_name, created_at) VALUES (?, ?, ?, 'x', 0)");
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(crypto.randomUUID(), `Desk ${i}`, `desk-${i}`);
    })();
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = fs.readFileSync(backup);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the last few pages (index and table b-tree pages).
    bytes.fill(0x5a, bytes.length - 3 * pageSize, bytes.length - pageSize);
    fs.writeFileSync(backup, bytes);
    const target = await appDb('app.db', 'Today');
    await expectBackupError(restoreDatabase(backup, target), /damaged|cannot be read/);
    expect(workspaceNames(target)).toEqual(['Today']);
  });

  it('refuses while another process has the database open, unless forced', async () => {
    const backup = await appDb('backup.db', 'Yesterday');
    const target = await appDb('app.db', 'Today');
    expect(isInUse(target)).toBe(false);
    await holdOpen(target);
    expect(isInUse(target)).toBe(true);
    await expectBackupError(restoreDatabase(backup, target), /open in another process .*--force/);
    expect(workspaceNames(target)).toEqual(['Today']);
    await restoreDatabase(backup, target, { force: true });
    expect(workspaceNames(target)).toEqual(['Yesterday']);
  });
});
