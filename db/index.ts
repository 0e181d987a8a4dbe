import 'server-only';
import { createDb, migrateDb, type Db } from './client';

// One connection per server process; kept on globalThis so dev-mode reloads don't open more.
const globalForDb = globalThis as unknown as { claimdeskDb?: Db };

export function getDb(): Db {
  if (!globalForDb.claimdeskDb) {
    const db = createDb();
    migrateDb(db);
    globalForDb.claimdeskDb = db;
  }
  return globalForDb.claimdeskDb;
}
