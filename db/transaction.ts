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
  /**
   * SQLite group commit (below) is on by default. A long transaction (a text save re-anchoring
   * thousands of claims) passes false: it commits the open batch before it starts, so writes that
   * finished earlier are not held back for its whole run, and then commits alone. PostgreSQL ignores it.
   */
  groupCommit?: boolean;
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

  return sqliteTransaction(engine, fn, options.groupCommit ?? true);
}

type SqliteEngine = Extract<ReturnType<typeof engineOf>, { dialect: 'sqlite' }>;

/**
 * Group commit (SQLite). With synchronous=FULL every COMMIT waits for the disk (an fsync, ~5 ms
 * here), and better-sqlite3 waits on the event loop. So when other transactions are already
 * queued for the writer, a finished transaction does not commit alone: it is released as a
 * SAVEPOINT inside one open transaction, the next one runs, and the last of the batch (no one
 * left waiting, or the batch is full or old) commits for all. Each caller's promise settles only
 * after that COMMIT: nobody is told "saved" before it is durable. A transaction that fails rolls
 * back to its savepoint alone; a COMMIT that fails (or an error that ended the whole SQLite
 * transaction) fails every member of the batch, none of whose writes were kept.
 */
const MAX_BATCH = 32;
const MAX_BATCH_MS = 25;
const BATCH = Symbol.for('claimdesk.db.commitBatch');

interface CommitBatch {
  members: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
  openedAt: number;
}
interface BatchState {
  /** Transactions queued for the writer that have not started yet. */
  waiting: number;
  open: CommitBatch | null;
}

function batchState(engine: SqliteEngine): BatchState {
  const holder = engine as unknown as { [BATCH]?: BatchState };
  if (!holder[BATCH]) Object.defineProperty(holder, BATCH, { value: { waiting: 0, open: null } satisfies BatchState, enumerable: false });
  return holder[BATCH]!;
}

async function sqliteTransaction<T>(engine: SqliteEngine, fn: (tx: Tx) => Promise<T>, groupCommit: boolean): Promise<T> {
  const state = batchState(engine);
  const { writer } = engine;
  // An in-memory database reads on the writer too: others would see a batch before its COMMIT.
  const batching = groupCommit && engine.reader !== engine.writer;
  const previous = engine.queue;
  let release!: () => void;
  engine.queue = new Promise<void>((resolve) => (release = resolve));
  state.waiting += 1;
  try {
    await previous;
  } finally {
    state.waiting -= 1;
  }
  let durable: Promise<void> | null = null;
  let result!: T;
  try {
    transactionHandles.add(engine.writerDb);
    // A transaction that commits alone first commits what the batch holds, so that does not wait for it.
    if (!groupCommit && state.open) commitBatch(state, writer);
    if (!state.open) {
      writer.exec('BEGIN IMMEDIATE');
      state.open = { members: [], openedAt: Date.now() };
    }
    const batch = state.open;
    writer.exec('SAVEPOINT claimdesk_tx');
    try {
      result = await fn(engine.writerDb);
      writer.exec('RELEASE claimdesk_tx');
      durable = new Promise<void>((resolve, reject) => batch.members.push({ resolve, reject }));
      // Handled here too: if finishing the batch throws below, this function throws before awaiting it.
      durable.catch(() => undefined);
    } catch (error) {
      if (writer.inTransaction) {
        try {
          writer.exec('ROLLBACK TO claimdesk_tx');
          writer.exec('RELEASE claimdesk_tx');
        } catch (rollbackError) {
          // Our writes could not be undone alone: undo the whole batch rather than commit them.
          writer.exec('ROLLBACK');
          failBatch(state, rollbackError);
        }
      } else {
        // SQLite ended the whole transaction: the writes of the batch so far are gone too.
        failBatch(state, error);
      }
      throw error;
    }
  } catch (error) {
    // Whatever failed (even the rollback to our savepoint), the batch must not stay half done.
    if (state.open && !writer.inTransaction) failBatch(state, error);
    throw error;
  } finally {
    let handedOver = false;
    try {
      handedOver = finishBatchIfDue(engine, state, batching, release);
    } finally {
      if (!handedOver) release();
    }
  }
  await durable;
  return result;
}

/**
 * After a transaction, still holding the writer: commits the open batch now if it is full or old
 * (or batching is off); leaves it open if others are queued (the last of them decides); otherwise
 * keeps the writer for one turn of the event loop, so requests arriving meanwhile queue up and
 * join this batch's one fsync, then commits unless some did. Answers true when it took over
 * `release` (called once that turn is over).
 */
function finishBatchIfDue(engine: SqliteEngine, state: BatchState, batching: boolean, release: () => void): boolean {
  const due = () => {
    const batch = state.open;
    return batch !== null && (!batching || state.waiting === 0 || batch.members.length >= MAX_BATCH || Date.now() - batch.openedAt >= MAX_BATCH_MS);
  };
  if (!state.open) return false;
  if (!batching || state.waiting > 0 || !due()) {
    if (due()) commitBatch(state, engine.writer);
    return false;
  }
  setImmediate(() => {
    try {
      if (due()) commitBatch(state, engine.writer);
    } catch (error) {
      failBatch(state, error);
    } finally {
      release();
    }
  });
  return true;
}

function commitBatch(state: BatchState, writer: SqliteEngine['writer']): void {
  const batch = state.open;
  if (!batch) return;
  state.open = null;
  try {
    writer.exec('COMMIT');
  } catch (error) {
    try {
      if (writer.inTransaction) writer.exec('ROLLBACK');
    } finally {
      for (const member of batch.members) member.reject(error);
    }
    return;
  }
  for (const member of batch.members) member.resolve();
}

function failBatch(state: BatchState, error: unknown): void {
  const batch = state.open;
  state.open = null;
  for (const member of batch?.members ?? []) member.reject(error);
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
