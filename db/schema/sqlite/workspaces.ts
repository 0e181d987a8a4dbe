import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { ROLES } from '@/lib/domain/roles';
import { createdAt, id, version } from './columns';
import { users } from './users';

export const workspaces = sqliteTable('workspaces', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Publisher named as ClaimReview `author`. */
  organizationName: text('organization_name').notNull(),
  organizationUrl: text('organization_url'),
  /** Public URL of a published fact-check, with `{article}` and `{claim}` placeholders. */
  factCheckUrlPattern: text('fact_check_url_pattern'),
  /** Members must have two-factor sign-in set up before they can work in this workspace. */
  requireTwoFactor: integer('require_two_factor', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  version: version(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);
