import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './client';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('createDb', () => {
  it('opens a file database in WAL mode with synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-client-'));
    dirs.push(dir);
    const db = createDb(path.join(dir, 'app.db'));
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    // 2 = FULL: a commit is on disk before it is acknowledged, even across a power cut.
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    db.$client.close();
  });
});
