import { integer, text, timestamp } from 'drizzle-orm/pg-core';
import { monotonicNow } from '../clock';

/** Timestamps keep milliseconds (what a JavaScript Date holds) and their zone. */
export const TIMESTAMP = { mode: 'date', withTimezone: true, precision: 3 } as const;

/** Text UUID primary keys: the same ids on both dialects, safe to expose in URLs. */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () => timestamp('created_at', TIMESTAMP).notNull().$defaultFn(monotonicNow);

export const updatedAt = () => timestamp('updated_at', TIMESTAMP).notNull().$defaultFn(monotonicNow);

/** Optimistic-concurrency counter: every write must name the version it read. */
export const version = () => integer('version').notNull().default(1);
