import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Legacy one-time-password flag (accounts created before mailed invitations): the user must choose a new password. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** When the address was proven by following a mailed link; null = never proven (cannot join a second workspace). */
  emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
  /** TOTP shared secret, encrypted at rest (see lib/auth/totp); null = no authenticator app set up. */
  totpSecret: text('totp_secret'),
  /** When two-factor sign-in was confirmed with a first code; null = two-factor is off. */
  totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});
