/**
 * Which database this process talks to. `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise
 * the embedded SQLite file (`CLAIMDESK_DB`, default ./data/claimdesk.db) — the default a single desk
 * runs with nothing else installed.
 */
export type Dialect = 'sqlite' | 'postgres';

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export const DEFAULT_DB_PATH = './data/claimdesk.db';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function databaseConfig(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (POSTGRES_URL.test(url)) return { dialect: 'postgres', url };
    if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) || DEFAULT_DB_PATH };
    throw new Error('DATABASE_URL must start with postgres:// (or sqlite: followed by a file path).');
  }
  const file = env.CLAIMDESK_DB?.trim();
  return { dialect: 'sqlite', file: file ? file : DEFAULT_DB_PATH };
}

export function activeDialect(env: Readonly<Record<string, string | undefined>> = process.env): Dialect {
  return databaseConfig(env).dialect;
}

/** Where the database is, safe to print: the host, port and database name, never the user or password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return `SQLite file ${config.file}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)';
  }
}
