import { describe, expect, it } from 'vitest';
import { databaseConfig, describeDatabase, DEFAULT_DB_PATH } from './dialect';

describe('databaseConfig', () => {
  it('is the SQLite default with nothing set', () => {
    expect(databaseConfig({})).toEqual({ dialect: 'sqlite', file: DEFAULT_DB_PATH });
    expect(databaseConfig({ CLAIMDESK_DB: '  ' })).toEqual({ dialect: 'sqlite', file: DEFAULT_DB_PATH });
  });
  it('takes the SQLite file from CLAIMDESK_DB or a sqlite: URL', () => {
    expect(databaseConfig({ CLAIMDESK_DB: './data/desk.db' })).toEqual({ dialect: 'sqlite', file: './data/desk.db' });
    expect(databaseConfig({ DATABASE_URL: 'sqlite:./x.db' })).toEqual({ dialect: 'sqlite', file: './x.db' });
  });
  it('selects PostgreSQL for postgres:// and postgresql:// URLs, over CLAIMDESK_DB', () => {
    expect(databaseConfig({ DATABASE_URL: 'postgres://u:p@h/db', CLAIMDESK_DB: './x.db' })).toEqual({ dialect: 'postgres', url: 'postgres://u:p@h/db' });
    expect(databaseConfig({ DATABASE_URL: 'POSTGRESQL://h/db' }).dialect).toBe('postgres');
  });
  it('refuses another scheme with a message that does not repeat the URL', () => {
    expect(() => databaseConfig({ DATABASE_URL: 'mysql://root:secret@h/db' })).toThrow(/must start with postgres:\/\//);
    try {
      databaseConfig({ DATABASE_URL: 'mysql://root:secret@h/db' });
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });
});

describe('describeDatabase', () => {
  it('names host, port and database, never the user or password', () => {
    const text = describeDatabase({ dialect: 'postgres', url: 'postgres://claimdesk:hunter2@db.internal:6543/desk' });
    expect(text).toBe('PostgreSQL at db.internal:6543/desk');
    expect(text).not.toMatch(/hunter2|claimdesk:/);
  });
  it('says so when the URL does not parse, without echoing it', () => {
    expect(describeDatabase({ dialect: 'postgres', url: 'postgres://a b:pw@' })).toBe('PostgreSQL (DATABASE_URL is not a valid URL)');
  });
  it('names the SQLite file', () => {
    expect(describeDatabase({ dialect: 'sqlite', file: './data/claimdesk.db' })).toBe('SQLite file ./data/claimdesk.db');
  });
});
