import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from './pg';
import * as sqlite from './sqlite';

/**
 * Queries are written once against the SQLite tables and run on the PostgreSQL ones: both trees
 * must declare the same tables, columns, JavaScript types, nullability, defaults, keys, indexes
 * and foreign keys. Only multi-instance plumbing is PostgreSQL-only.
 */

const PG_ONLY = ['live_events', 'presence_connections'];

function tablesOf(module: Record<string, unknown>, isTable: (value: unknown) => boolean) {
  return Object.values(module).filter(isTable);
}

const isSqliteTable = (value: unknown): value is SQLiteTable => {
  try {
    return typeof value === 'object' && value !== null && sqliteConfig(value as SQLiteTable).columns.length > 0;
  } catch {
    return false;
  }
};
const isPgTable = (value: unknown): value is PgTable => {
  try {
    return typeof value === 'object' && value !== null && pgConfig(value as PgTable).columns.length > 0;
  } catch {
    return false;
  }
};

/** What a table declares, read through its dialect's getTableConfig (the configs share this shape). */
function shapeOf(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>, tableName: (table: never) => string) {
  return {
    name: config.name,
    columns: config.columns
      .map((c) => ({ name: c.name, dataType: c.dataType === 'custom' && c.getSQLType() === 'bytea' ? 'buffer' : c.dataType, // PostgreSQL bytes are a custom type (db/schema/pg/imports.ts)
         notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, unique: c.isUnique, enumValues: c.enumValues ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name).join(',')).sort(),
    indexes: config.indexes.map((i) => `${i.config.name}:${i.config.unique ? 'unique' : 'plain'}:${i.config.columns.map((c) => ('name' in c ? c.name : '?')).join(',')}`).sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(',')}→${tableName(ref.foreignTable as never)}(${ref.foreignColumns.map((c) => c.name).join(',')}) on delete ${fk.onDelete ?? 'no action'}`;
      })
      .sort(),
  };
}

const shapeOfSqlite = (table: SQLiteTable) => shapeOf(sqliteConfig(table), (t: SQLiteTable) => sqliteConfig(t).name);
const shapeOfPg = (table: PgTable) => shapeOf(pgConfig(table), (t: PgTable) => pgConfig(t).name);

const sqliteShapes = new Map(tablesOf(sqlite, isSqliteTable).map((t) => [sqliteConfig(t as SQLiteTable).name, shapeOfSqlite(t as SQLiteTable)]));
const pgShapes = new Map(tablesOf(pg, isPgTable).map((t) => [pgConfig(t as PgTable).name, shapeOfPg(t as PgTable)]));

describe('schema parity (SQLite ↔ PostgreSQL)', () => {
  it('declares the same tables, apart from the PostgreSQL-only multi-instance ones', () => {
    expect(sqliteShapes.size).toBeGreaterThan(15);
    expect([...sqliteShapes.keys()].sort()).toEqual([...pgShapes.keys()].filter((name) => !PG_ONLY.includes(name)).sort());
  });

  for (const [name, shape] of sqliteShapes) {
    it(`${name}: same columns, types, keys, indexes and foreign keys`, () => {
      expect(pgShapes.get(name)).toEqual(shape);
    });
  }

  it('exports the same table names from both trees (what db/schema/index.ts picks from)', () => {
    const names = (module: Record<string, unknown>, isTable: (v: unknown) => boolean) =>
      Object.entries(module)
        .filter(([, value]) => isTable(value))
        .map(([key]) => key)
        .sort();
    expect(names(sqlite, isSqliteTable)).toEqual(names(pg, isPgTable).filter((key) => !['liveEvents', 'presenceConnections'].includes(key)));
  });
});
