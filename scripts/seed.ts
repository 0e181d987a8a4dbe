/**
 * `npm run seed`: migrate the configured database (DATABASE_URL=postgres://… or the SQLite file in
 * CLAIMDESK_DB, default ./data/claimdesk.db) and seed the demo data. Idempotent.
 */
import { closeDb, openMigratedDb } from '../db/client';
import { databaseConfig, describeDatabase } from '../db/dialect';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed/demo';

async function main() {
  const config = databaseConfig();
  // Unreachable: a DatabaseUnreachableError that names where (never the password); exit 1 below.
  const db = await openMigratedDb(config);
  let created: boolean;
  try {
    ({ created } = await seedDemo(db));
  } finally {
    await closeDb(db);
  }
  console.log(`Database: ${describeDatabase(config)} (migrated${created ? ', demo data seeded' : ', demo data already present'})`);
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(24)} ${u.name}${u.workspace === 'other-desk' ? '  (separate workspace)' : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
