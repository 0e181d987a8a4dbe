import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt, version } from './columns';
import { claims } from './claims';
import { users } from './users';

export const sources = sqliteTable(
  'sources',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull().default(''),
    publisher: text('publisher').notNull().default(''),
    /** The quoted passage: a W3C TextQuoteSelector on the source URL (exact, with the words around it when given). */
    excerpt: text('excerpt').notNull().default(''),
    excerptPrefix: text('excerpt_prefix').notNull().default(''),
    excerptSuffix: text('excerpt_suffix').notNull().default(''),
    /** ISO date the source was consulted. */
    accessedOn: text('accessed_on'),
    /** Public sources appear on public pages and publication exports; internal ones (a tip, a confidential contact) never do. */
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('sources_claim_idx').on(t.claimId)],
);
