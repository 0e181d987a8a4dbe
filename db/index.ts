import 'server-only';
import { openDb, type Db } from './client';

// One database handle per server process (a pool on PostgreSQL); kept on globalThis so dev-mode
// reloads don't open more. The schema is migrated at start-up (instrumentation.ts), before requests.
const globalForDb = globalThis as unknown as { claimdeskDb?: Db };

export function getDb(): Db {
  globalForDb.claimdeskDb ??= openDb();
  return globalForDb.claimdeskDb;
}
