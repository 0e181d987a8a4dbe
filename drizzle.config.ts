import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.CLAIMDESK_DB ?? './data/claimdesk.db' },
  strict: true,
  verbose: true,
});
