import { defineConfig } from 'drizzle-kit';

/**
 * Migrations for the embedded SQLite default. PostgreSQL has its own (drizzle.pg.config.ts);
 * `npm run db:generate` writes both from the two schema trees in db/schema/.
 */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite/index.ts',
  out: './db/migrations/sqlite',
  dbCredentials: { url: process.env.CLAIMDESK_DB ?? './data/claimdesk.db' },
  strict: true,
  verbose: true,
});
