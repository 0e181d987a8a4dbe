import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '../schema';
import type { Tx } from './history';

export function findUserByEmail(db: Tx, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findUserById(db: Tx, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Replaces a user's password hash and clears the one-time-password flag (pass the caller's transaction). */
export function setPasswordHash(tx: Tx, userId: string, passwordHash: string): void {
  tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
}
