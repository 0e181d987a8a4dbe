import { eq } from 'drizzle-orm';
import { openDb, type Db } from '../db/client';
import { users } from '../db/schema';
import { consume } from '../db/queries/rate-limits';
import type { RateLimit } from '../lib/domain/rate-limits';
import { workerDatabaseFile } from './worker-env';

let db: Db | undefined;
function e2eDb(): Db {
  // This worker's own database (the appServer fixture created it before any test ran).
  db ??= openDb({ dialect: 'sqlite', file: workerDatabaseFile() });
  return db;
}

/**
 * Counts `times` attempts against a user's limit straight in the database, as the app's own
 * `consume` would: a spec can reach a limit without paying for each attempt (ten real PDF renders
 * starve the other worker's browser of CPU).
 */
export async function useUpAttempts(email: string, key: (userId: string) => string, limit: RateLimit, times: number): Promise<void> {
  const [user] = await e2eDb().select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`useUpAttempts: no user ${email}`);
  for (let i = 0; i < times; i += 1) {
    const result = await consume(e2eDb(), key(user.id), limit);
    if (!result.allowed) throw new Error(`useUpAttempts: the limit was reached after ${i} attempts`);
  }
}
