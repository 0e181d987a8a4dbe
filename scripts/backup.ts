/**
 * `npm run backup -- --out FILE`: an online, consistent copy of the database in CLAIMDESK_DB,
 * safe while the app serves (db/backup.ts). Exit codes: 0 done, 1 failed, 2 usage error.
 */
import { resolveDbPath } from '../db/client';
import { BackupError, backupDatabase } from '../db/backup';
import { BackupUsageError, parseBackupArgs } from '../db/backup-cli';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const { out } = parseBackupArgs(argv);
    const source = resolveDbPath();
    const result = await backupDatabase(source, out);
    process.stdout.write(`Backed up ${source} to ${result.file} (${result.pages} pages, ${result.bytes.toLocaleString('en')} bytes).\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Backup failed: ${error instanceof BackupError ? error.message : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
