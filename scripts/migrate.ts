/** `npm run db:migrate`: apply committed migrations to the configured database (DATABASE_URL, else the SQLite file in CLAIMDESK_DB). */
import { closeDb, openMigratedDb } from '../db/client';
import { databaseConfig, describeDatabase } from '../db/dialect';

async function main() {
  const config = databaseConfig();
  // Unreachable: a DatabaseUnreachableError that names where (never the password); exit 1 below.
  const db = await openMigratedDb(config);
  await closeDb(db);
  console.log(`Migrated ${describeDatabase(config)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
