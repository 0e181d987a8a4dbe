import path from 'node:path';

/**
 * Where this Playwright worker's own app server and database live. Every worker runs its own
 * `next start` on its own fresh SQLite file, so parallel workers never share state:
 *
 *   worker slot i (0 … workers-1)   app  E2E_PORT + i         database  E2E_DB (slot 0) or E2E_DB-w<i>.db
 *   mail specs in slot i            app  E2E_PORT + 500 + i   SMTP      E2E_PORT + 1000 + i
 *   web fixtures in slot i          E2E_PORT + 300 + i (e2e/web-fixture-server.ts)
 *
 * The slot is Playwright's TEST_PARALLEL_INDEX (stable when a worker is replaced after a failure,
 * unlike the worker index), so the ports stay inside E2E_PORT … E2E_PORT + workers - 1.
 */

export const DEFAULT_E2E_PORT = 3100;
export const DEFAULT_E2E_DB = './data/e2e.db';
/** Gaps between the port blocks: the slot must stay below it so blocks never overlap. */
export const WEB_FIXTURE_PORT_OFFSET = 300;
export const MAIL_APP_PORT_OFFSET = 500;
export const MAIL_SMTP_PORT_OFFSET = 1000;
export const MAX_WORKERS = 8;

export function basePort(): number {
  const port = Number(process.env.E2E_PORT ?? DEFAULT_E2E_PORT);
  if (!Number.isInteger(port) || port < 1024 || port + MAIL_SMTP_PORT_OFFSET + MAX_WORKERS > 65_535) {
    throw new Error(`E2E_PORT must be an integer port between 1024 and ${65_535 - MAIL_SMTP_PORT_OFFSET - MAX_WORKERS}, got "${process.env.E2E_PORT}"`);
  }
  return port;
}

/** 0 in the runner process and in the first worker. */
export function workerSlot(): number {
  const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  return Number.isInteger(slot) && slot >= 0 ? slot : 0;
}

export function workerPort(slot = workerSlot()): number {
  return basePort() + slot;
}

export function workerBaseURL(slot = workerSlot()): string {
  return `http://localhost:${workerPort(slot)}`;
}

/** Absolute path of the worker's SQLite file; slot 0 keeps E2E_DB itself. */
export function workerDatabaseFile(slot = workerSlot()): string {
  const file = process.env.E2E_DB ?? DEFAULT_E2E_DB;
  const named = slot === 0 ? file : file.replace(/(\.db)?$/, `-w${slot}.db`);
  return path.resolve(__dirname, '..', named);
}

export function webFixturePort(slot = workerSlot()): number {
  return basePort() + WEB_FIXTURE_PORT_OFFSET + slot;
}

export function mailAppPort(slot = workerSlot()): number {
  return basePort() + MAIL_APP_PORT_OFFSET + slot;
}

export function mailSmtpPort(slot = workerSlot()): number {
  return basePort() + MAIL_SMTP_PORT_OFFSET + slot;
}

/** The mail specs' server database: beside the worker's own, with a -mail suffix. */
export function mailDatabaseFile(slot = workerSlot()): string {
  return workerDatabaseFile(slot).replace(/\.db$/, '-mail.db');
}
