import { pgTable, text, timestamp, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, TIMESTAMP } from './columns';

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Legacy one-time-password flag (accounts created before mailed invitations): the user must choose a new password. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** When the address was proven by following a mailed link; null = never proven (cannot join a second workspace). */
  emailVerifiedAt: timestamp('email_verified_at', TIMESTAMP),
  /** TOTP shared secret, encrypted at rest (see lib/auth/totp); null = no authenticator app set up. */
  totpSecret: text('totp_secret'),
  /** When two-factor sign-in was confirmed with a first code; null = two-factor is off. */
  totpEnabledAt: timestamp('totp_enabled_at', TIMESTAMP),
  createdAt: createdAt(),
});
