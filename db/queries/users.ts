import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '../schema';
import type { Tx } from './history';

export async function findUserByEmail(db: Tx, email: string) {
  return (await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1))[0];
}

export async function findUserById(db: Tx, id: string) {
  return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
}

/** Replaces a user's password hash and clears the one-time-password flag (pass the caller's transaction). */
export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}
