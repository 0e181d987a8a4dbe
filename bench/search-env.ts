/**
 * Imported first by bench/search.ts: with --pg (or a postgres DATABASE_URL) the bench runs on its
 * own database, and the modules that pick their tables and SQL by the environment (db/schema,
 * activeDialect()) must see that database's URL when they load. The URL given (or the local
 * cluster's) is kept as the one the bench creates and drops its database through.
 */
const PG_DEFAULT = 'postgres://claimdesk:claimdesk@127.0.0.1:55432/claimdesk';
export const BENCH_PG_DB = 'claimdesk_bench_search';

const given = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
export const BENCH_PG = process.argv.includes('--pg') || given !== undefined;
/** Where the bench's database is created and dropped from. */
export const BENCH_PG_ADMIN_URL = given ?? PG_DEFAULT;

function benchUrl(): string {
  const url = new URL(BENCH_PG_ADMIN_URL);
  url.pathname = `/${BENCH_PG_DB}`;
  return url.toString();
}
export const BENCH_PG_URL = benchUrl();

if (BENCH_PG) process.env.DATABASE_URL = BENCH_PG_URL;
