import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findUserById(db: Db, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Replaces a user's password hash and clears the one-time-password flag. */
export function setPasswordHash(db: Db, userId: string, passwordHash: string): void {
  db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
}
