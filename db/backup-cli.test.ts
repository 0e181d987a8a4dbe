import { describe, expect, it } from 'vitest';
import { BackupUsageError, parseBackupArgs, parseRestoreArgs } from './backup-cli';

describe('parseBackupArgs', () => {
  it('takes --out FILE or --out=FILE', () => {
    expect(parseBackupArgs(['--out', 'backups/nightly.db'])).toEqual({ out: 'backups/nightly.db' });
    expect(parseBackupArgs(['--out=x.db'])).toEqual({ out: 'x.db' });
  });

  it('refuses a missing or empty --out and anything else', () => {
    expect(() => parseBackupArgs([])).toThrow(BackupUsageError);
    expect(() => parseBackupArgs(['--out'])).toThrow(/Say where/);
    expect(() => parseBackupArgs(['--out', '  '])).toThrow(/empty/);
    expect(() => parseBackupArgs(['backup.db'])).toThrow(/Unknown argument "backup.db"/);
  });
});

describe('parseRestoreArgs', () => {
  it('takes one file and an optional --force in any order', () => {
    expect(parseRestoreArgs(['b.db'])).toEqual({ file: 'b.db', force: false });
    expect(parseRestoreArgs(['--force', 'b.db'])).toEqual({ file: 'b.db', force: true });
  });

  it('refuses no file, two files, unknown options', () => {
    expect(() => parseRestoreArgs([])).toThrow(/exactly one/);
    expect(() => parseRestoreArgs(['a.db', 'b.db'])).toThrow(/exactly one/);
    expect(() => parseRestoreArgs(['b.db', '--yes'])).toThrow(/Unknown option "--yes"/);
  });
});
