import { pgTable, text, integer, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/domain/roles';
import { EMAIL_TOKEN_PURPOSES } from '@/lib/domain/security';
import { INVITATION_DELIVERIES } from '@/lib/domain/workspaces';
import { createdAt, id, TIMESTAMP } from './columns';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * One signed-in browser. The session cookie (a JWT) carries this row's id; every request checks
 * that the row exists, is not revoked and not expired, so signing out, "sign out everywhere",
 * a password change or removal from every workspace ends sessions at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', TIMESTAMP).notNull(),
    expiresAt: timestamp('expires_at', TIMESTAMP).notNull(),
    revokedAt: timestamp('revoked_at', TIMESTAMP),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use, expiring links mailed to an account's address (only the SHA-256 of the token is stored). */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', TIMESTAMP).notNull(),
    usedAt: timestamp('used_at', TIMESTAMP),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_tokens_hash_idx').on(t.tokenHash), index('email_tokens_user_idx').on(t.userId)],
);

/**
 * An invitation to join a workspace. Nobody is a member until the invitee accepts it through the
 * link (mailed, or shown to the inviting owner when no SMTP server is configured).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The name the owner typed, offered to a brand-new account. */
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    invitedById: text('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** 'email': mailed to the address (following it proves the mailbox); 'link': shown to the owner. */
    delivery: text('delivery', { enum: INVITATION_DELIVERIES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', TIMESTAMP).notNull(),
    acceptedAt: timestamp('accepted_at', TIMESTAMP),
    acceptedById: text('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', TIMESTAMP),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_workspace_email_idx').on(t.workspaceId, t.email)],
);

/** Hashed single-use recovery codes for two-factor sign-in. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', TIMESTAMP),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Security log. `workspaceId` is set for events about one workspace (invitations, role changes,
 * exports); account events (sign-ins, 2FA, sessions) have it null and are shown to the owners of
 * every workspace the account belongs to.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: id(),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The account the event is about (null: an unknown email, kept in `detail`). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who did it, when someone other than `userId` (an owner changing a role). */
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    detail: jsonb('detail'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('security_events_workspace_idx').on(t.workspaceId, t.createdAt), index('security_events_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Counters for rate limits (sign-in guesses per account and per address, PDF exports per user).
 * Read-and-increment happens in one transaction holding a lock on the key (db/queries/rate-limits.ts),
 * so parallel requests, on any instance, cannot race past it.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', TIMESTAMP).notNull(),
  blockedUntil: timestamp('blocked_until', TIMESTAMP),
  updatedAt: timestamp('updated_at', TIMESTAMP).notNull(),
});
