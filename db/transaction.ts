import { engineOf, type Db } from './client';

export type Tx = Db;

export interface TransactionOptions {
  /**
   * PostgreSQL isolation. 'read committed' (the default) suits writes guarded by a version check
   * in the UPDATE's WHERE (the row lock makes the second writer re-check) or by a unique index;
   * 'serializable' suits read-decide-write logic (a limiter, a number allocated from a max) —
   * conflicts abort and the whole callback is retried. On SQLite every transaction holds the one
   * write lock from its start (BEGIN IMMEDIATE), which is serializable already.
   */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
}

// A mark on the handle (registered symbol), not a module-level set: Next.js may bundle this module
// more than once, and a handle must be recognised by every copy.
const IN_TRANSACTION = Symbol.for('claimdesk.db.transaction');
const transactionHandles = {
  has: (db: object) => (db as { [IN_TRANSACTION]?: boolean })[IN_TRANSACTION] === true,
  add: (db: object) => {
    if (!transactionHandles.has(db)) Object.defineProperty(db, IN_TRANSACTION, { value: true, enumerable: false });
  },
};
// Under heavy contention on one row (50 requests incrementing one counter) a transaction may lose
// several rounds; backoff grows and is jittered so the losers spread out.
const MAX_ATTEMPTS = 30;
// serialization_failure, deadlock_detected: PostgreSQL's advice is to retry the transaction.
const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);

/**
 * Runs `fn` in one transaction on either dialect: every write in it commits together or not at
 * all, and the callback may `await` (the same query code runs on both engines).
 *
 * SQLite: transactions take turns on the one writer connection (an in-process queue, then BEGIN
 * IMMEDIATE against other processes); reads outside transactions use a separate read-only
 * connection, so they never see a transaction half done. PostgreSQL: a pooled client with the
 * isolation asked for, retried on serialization failures and deadlocks.
 *
 * Called with a transaction handle (a query helper inside a caller's transaction), it joins it.
 */
export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (transactionHandles.has(db)) return fn(db);
  const engine = engineOf(db);
  if (engine.dialect === 'postgres') {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await engine.db.transaction(
          async (pgTx) => {
            const tx = pgTx as unknown as Tx;
            transactionHandles.add(tx);
            return fn(tx);
          },
          { isolationLevel: options.isolation ?? 'read committed' },
        );
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE_PG_CODES.has(pgErrorCode(error) ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));
      }
    }
  }

  const previous = engine.queue;
  let release!: () => void;
  engine.queue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  try {
    transactionHandles.add(engine.writerDb);
    engine.writer.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(engine.writerDb);
      engine.writer.exec('COMMIT');
      return result;
    } catch (error) {
      if (engine.writer.inTransaction) engine.writer.exec('ROLLBACK');
      throw error;
    }
  } finally {
    release();
  }
}

/** The SQLSTATE of a PostgreSQL error, through Drizzle's wrapper (DrizzleQueryError.cause). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when a write failed on a unique index (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (pgErrorCode(error) === '23505') return true;
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i;

/**
 * True when the database could not be reached or is shutting down (as opposed to a query that
 * failed): the request answers 503 and may be retried; the pool reconnects when it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
