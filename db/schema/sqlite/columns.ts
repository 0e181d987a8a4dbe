import { integer, text } from 'drizzle-orm/sqlite-core';
import { monotonicNow } from '../clock';

/** Text UUID primary keys: portable to PostgreSQL and safe to expose in URLs. */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Millisecond timestamps stored as integers (Unix epoch). */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(monotonicNow);

export const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(monotonicNow);

/** Optimistic-concurrency counter: every write must name the version it read. */
export const version = () => integer('version').notNull().default(1);
