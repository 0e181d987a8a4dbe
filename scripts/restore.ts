/**
 * `npm run restore -- FILE [--force]`: replaces the database in CLAIMDESK_DB with a backup, after
 * checking it, atomically; refuses while a running app has the database open (db/backup.ts).
 * Exit codes: 0 done, 1 refused or failed (nothing overwritten), 2 usage error.
 */
import { resolveDbPath } from '../db/client';
import { BackupError, restoreDatabase } from '../db/backup';
import { BackupUsageError, parseRestoreArgs } from '../db/backup-cli';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const { file, force } = parseRestoreArgs(argv);
    const target = resolveDbPath();
    const result = await restoreDatabase(file, target, { force });
    process.stdout.write(`Restored ${file} into ${result.file} (${result.bytes.toLocaleString('en')} bytes).${force ? ' Restart the app now: it may still hold the old database open.' : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Restore refused: ${error instanceof BackupError ? error.message : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
