/**
 * Command-line arguments of `npm run backup` and `npm run restore`, validated with zod so a typo
 * is a usage error (exit 2) before anything touches the database.
 */
import { z } from 'zod';

export class BackupUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupUsageError';
  }
}

export const BACKUP_USAGE = 'Usage: npm run backup -- --out FILE   (copies the database in CLAIMDESK_DB; safe while the app runs)';
export const RESTORE_USAGE = 'Usage: npm run restore -- FILE [--force]   (replaces the database in CLAIMDESK_DB; stop the app first)';

const fileArg = z.string().trim().min(1, 'The file name is empty.');

/** `--out FILE` or `--out=FILE`, nothing else. */
export function parseBackupArgs(argv: readonly string[]): { out: string } {
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--out') out = argv[(i += 1)];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else throw new BackupUsageError(`Unknown argument "${arg}".\n${BACKUP_USAGE}`);
  }
  if (out === undefined) throw new BackupUsageError(`Say where to write the backup.\n${BACKUP_USAGE}`);
  const parsed = fileArg.safeParse(out);
  if (!parsed.success) throw new BackupUsageError(`${parsed.error.issues[0]!.message}\n${BACKUP_USAGE}`);
  return { out: parsed.data };
}

/** One backup file, and `--force` to replace a database that is open elsewhere. */
export function parseRestoreArgs(argv: readonly string[]): { file: string; force: boolean } {
  const files: string[] = [];
  let force = false;
  for (const arg of argv) {
    if (arg === '--force') force = true;
    else if (arg.startsWith('-')) throw new BackupUsageError(`Unknown option "${arg}".\n${RESTORE_USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new BackupUsageError(`Name exactly one backup file.\n${RESTORE_USAGE}`);
  const parsed = fileArg.safeParse(files[0]);
  if (!parsed.success) throw new BackupUsageError(`${parsed.error.issues[0]!.message}\n${RESTORE_USAGE}`);
  return { file: parsed.data, force };
}
