/** `npm run db:migrate`: apply committed migrations to the database in CLAIMDESK_DB. */
import { createDb, migrateDb, resolveDbPath } from '../db/client';

const file = resolveDbPath();
const db = createDb(file);
migrateDb(db);
db.$client.close();
console.log(`Migrated ${file}`);
