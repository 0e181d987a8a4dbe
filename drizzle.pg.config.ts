import { defineConfig } from 'drizzle-kit';

/** Migrations for PostgreSQL, generated from db/schema/pg (see drizzle.config.ts for SQLite). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg/index.ts',
  out: './db/migrations/pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/claimdesk' },
  strict: true,
  verbose: true,
});
