import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { closeDb, migrateDb, openDb } from './client';

/**
 * A separate process writes like the app (WAL, synchronous=FULL, one transaction per write) and
 * prints each id once its commit returned. The backup runs while it writes; after a restore,
 * every write acknowledged before the backup started must be there.
 */
const WRITER = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO workspaces (id, name, slug, organization_name, created_at) VALUES (?, ?, ?, ?, ?)");
const payload = 'x'.repeat(2000);
let n = 0;
function write() {
  n += 1;
  const id = require('crypto').randomUUID();
  db.transaction(() => insert.run(id, 'Desk ' + n, 'desk-' + n, payload, Date.now()))();
  process.stdout.write(id + '\\n');
  setImmediate(write);
}
process.on('SIGTERM', () => { db.close(); process.exit(0); });
write();
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function ids(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare('SELECT id FROM workspaces').all() as Array<{ id: string }>).map((r) => r.id));
  } finally {
    db.close();
  }
}

describe('backup while the app writes, then restore', () => {
  it('keeps every write acknowledged before the backup started', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-it-'));
    const live = path.join(dir, 'live.db');
    const db = openDb({ dialect: 'sqlite', file: live });
    await migrateDb(db);
    await closeDb(db);

    const writer = spawn(process.execPath, ['-e', WRITER, live], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    createInterface({ input: writer.stdout! }).on('line', (line) => acknowledged.push(line));
    const exited = new Promise<void>((resolve) => writer.once('exit', () => resolve()));
    try {
      while (acknowledged.length < 1500) await new Promise((resolve) => setTimeout(resolve, 20));
      const beforeBackup = [...acknowledged];
      const out = path.join(dir, 'backup.db');
      await backupDatabase(live, out);
      const duringBackup = acknowledged.length - beforeBackup.length;
      while (acknowledged.length < beforeBackup.length + duringBackup + 200) await new Promise((resolve) => setTimeout(resolve, 20));

      writer.kill('SIGTERM');
      await exited;
      const inBackup = ids(out);
      const everWritten = ids(live);
      expect(beforeBackup.filter((id) => !inBackup.has(id))).toEqual([]);
      // Only committed writes are in it (no partial rows), and the live database kept growing.
      expect([...inBackup].every((id) => everWritten.has(id))).toBe(true);
      expect(everWritten.size).toBeGreaterThan(inBackup.size);

      await restoreDatabase(out, live);
      const restored = ids(live);
      expect(restored).toEqual(inBackup);
      expect(beforeBackup.every((id) => restored.has(id))).toBe(true);
      const check = new Database(live, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    } finally {
      writer.kill('SIGKILL');
    }
  }, 120_000);
});
