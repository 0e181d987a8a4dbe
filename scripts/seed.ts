/** `npm run seed`: migrate the database in CLAIMDESK_DB (default ./data/claimdesk.db) and seed the demo data. Idempotent. */
import { createDb, migrateDb, resolveDbPath } from '../db/client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed/demo';

async function main() {
  const file = resolveDbPath();
  const db = createDb(file);
  migrateDb(db);
  const { created } = await seedDemo(db);
  db.$client.close();
  console.log(`Database: ${file} (migrated${created ? ', demo data seeded' : ', demo data already present'})`);
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(24)} ${u.name}${u.workspace === 'other-desk' ? '  (separate workspace)' : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
