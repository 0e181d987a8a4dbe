/**
 * db:copy (db/copy.ts): a whole database moves to another and reads back identical — counts and
 * checksums per table, and the values themselves (dates, booleans, JSON, nulls, Persian text and
 * emoji, real numbers). SQLite → SQLite always; SQLite → PostgreSQL → SQLite when DATABASE_URL
 * points at PostgreSQL. Sources and SQLite targets are explicit SQLite files, whatever the run's
 * dialect, so their fixtures use the SQLite tables directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, migrateDb, openDb, queryRows, sqliteConnection, type Db } from './client';
import {
  canonicalJson,
  CopyError,
  copyDatabase,
  copyOrder,
  copyTables,
  CopyUsageError,
  databaseChecksums,
  DERIVED_TABLES,
  dialectOnlyTables,
  messageOf,
  parseCopyArgs,
  type CopyProgress,
} from './copy';
import { databaseConfig } from './dialect';
import * as pgTables from './schema/pg';
import * as t from './schema/sqlite';
import { createTestDb } from './test-db';
import { transaction } from './transaction';

const onPostgres = databaseConfig().dialect === 'postgres';

let dir: string;
const opened: Db[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-copy-'));
});

afterEach(async () => {
  for (const db of opened.splice(0)) await closeDb(db).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A SQLite file database; migrated unless asked otherwise (a copy target is migrated by the copy). */
async function sqliteDb(name: string, options: { migrate?: boolean } = {}): Promise<Db> {
  const db = openDb({ dialect: 'sqlite', file: path.join(dir, name) }, { durable: false });
  opened.push(db);
  if (options.migrate ?? true) await migrateDb(db);
  return db;
}

const at = (iso: string) => new Date(iso);

const DOC = {
  type: 'doc',
  // Keys out of order on purpose: PostgreSQL's jsonb reorders them, the checksum must not care.
  content: [
    { content: [{ text: 'سلام دنیا — گزارش ۱۴۰۳ 🌍✅', type: 'text' }], type: 'paragraph', attrs: { textAlign: null, dir: 'rtl' } },
    { type: 'paragraph', attrs: { level: 2, flags: [true, false, null], ratio: 0.125 }, content: [{ type: 'text', text: 'He said "50%"\n\ttabbed' }] },
  ],
};

const HISTORY_EXTRA = 40;

/** Rows in most tables, with the values that differ most between the two dialects' storage. */
async function seed(db: Db): Promise<void> {
  await transaction(db, async (tx) => {
    await tx.insert(t.users).values([
      {
        id: 'u-mina',
        email: 'mina@example.org',
        name: 'مینا رضایی 🧕',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc',
        mustChangePassword: true,
        emailVerifiedAt: at('2024-03-20T10:11:12.345Z'),
        totpSecret: 'enc:v1:secret',
        totpEnabledAt: at('2024-03-21T00:00:00.001Z'),
        createdAt: at('2024-01-01T00:00:00.000Z'),
      },
      { id: 'u-zoe', email: 'zoe@example.org', name: 'Zoë "Z" O\'Brien', passwordHash: 'x', mustChangePassword: false, emailVerifiedAt: null, createdAt: at('2024-01-02T03:04:05.678Z') },
    ]);
    await tx.insert(t.workspaces).values({
      id: 'w-1',
      slug: 'farsi-desk',
      name: 'میز فارسی',
      organizationName: 'Radio 📻',
      organizationUrl: null,
      factCheckUrlPattern: 'https://example.org/{article}#{claim}',
      requireTwoFactor: true,
      createdAt: at('2024-01-03T00:00:00.000Z'),
      version: 7,
    });
    await tx.insert(t.memberships).values([
      { workspaceId: 'w-1', userId: 'u-zoe', role: 'reviewer', createdAt: at('2024-01-04T00:00:00.000Z') },
      { workspaceId: 'w-1', userId: 'u-mina', role: 'owner', createdAt: at('2024-01-03T00:00:00.000Z') },
    ]);
    await tx.insert(t.ratingScales).values({ id: 's-1', workspaceId: 'w-1', name: 'Scale' });
    await tx.insert(t.ratingLevels).values([
      { id: 'l-true', scaleId: 's-1', key: 'true', label: 'درست', color: '#00aa00', value: 1, position: 0 },
      { id: 'l-mostly', scaleId: 's-1', key: 'mostly-true', label: 'Mostly true', color: '#88aa00', value: 0.75, position: 1 },
      { id: 'l-odd', scaleId: 's-1', key: 'odd', label: 'Odd', color: '#123456', value: -1.5e-7, position: 2 },
      { id: 'l-third', scaleId: 's-1', key: 'third', label: 'A third', color: '#654321', value: 1 / 3, position: 3 },
      { id: 'l-unproven', scaleId: 's-1', key: 'unproven', label: 'Unproven', color: '#999999', value: null, position: 4 },
    ]);
    await tx.insert(t.articles).values({
      id: 'a-1',
      workspaceId: 'w-1',
      slug: 'salam',
      title: 'سلام دنیا',
      url: null,
      publishedOn: '2024-02-29',
      language: 'fa',
      docJson: DOC,
      plainText: 'سلام دنیا — گزارش ۱۴۰۳ 🌍✅\nHe said "50%"',
      revision: 3,
      status: 'in_review',
      blindReview: true,
      createdBy: 'u-mina',
      createdAt: at('2024-02-01T12:00:00.000Z'),
      updatedAt: at('2024-02-02T12:00:00.999Z'),
    });
    await tx.insert(t.claims).values({
      id: 'c-1',
      workspaceId: 'w-1',
      articleId: 'a-1',
      quoteExact: 'سلام',
      positionStart: 0,
      positionEnd: 4,
      anchoredRevision: 3,
      originalQuote: 'سلام',
      claimText: 'Hello 👋',
      claimDate: null,
      verdictId: 'l-third',
      authorId: 'u-zoe',
    });
    await tx.insert(t.sources).values({ id: 'src-1', claimId: 'c-1', url: 'https://example.org/ü?q=1&r=ß', accessedOn: null, position: 2, createdBy: null });
    await tx.insert(t.claimVerdicts).values({ id: 'v-1', claimId: 'c-1', userId: 'u-zoe', verdictId: 'l-mostly', reason: '' });
    await tx.insert(t.comments).values([
      { id: 'cm-1', claimId: 'c-1', authorId: 'u-mina', body: '@Zoë نگاه کن 👀', deletedAt: null },
      { id: 'cm-2', claimId: 'c-1', authorId: null, body: '', deletedAt: at('2024-05-05T05:05:05.005Z') },
    ]);
    await tx.insert(t.mentions).values({ id: 'm-1', commentId: 'cm-1', userId: 'u-zoe', readAt: null });
    await tx.insert(t.assignments).values({ id: 'as-1', workspaceId: 'w-1', articleId: 'a-1', claimId: null, assigneeId: 'u-zoe', assignedBy: 'u-mina' });
    await tx.insert(t.historyEntries).values([
      { id: 'h-create', workspaceId: 'w-1', articleId: 'a-1', claimId: 'c-1', entityType: 'claim', entityId: 'c-1', action: 'create', actorId: 'u-mina', before: null, after: { b: 2, a: [1, 'دو', { z: null, y: true }] } },
      { id: 'h-update', workspaceId: 'w-1', articleId: 'a-1', claimId: null, entityType: 'article', entityId: 'a-1', action: 'update', actorId: null, before: { title: 'old 😀', n: 1.5 }, after: { n: 2, title: 'new' } },
      ...Array.from({ length: HISTORY_EXTRA }, (_, i) => ({
        id: `h-${String(i).padStart(3, '0')}`,
        workspaceId: 'w-1',
        entityType: 'claim',
        entityId: 'c-1',
        action: 'update' as const,
        before: { status: 'open', i },
        after: { status: 'in_review', i, note: i % 2 ? 'فرد' : null },
      })),
    ]);
    await tx.insert(t.sessions).values({ id: 'se-1', userId: 'u-mina', lastSeenAt: at('2024-06-01T00:00:00.000Z'), expiresAt: at('2099-12-31T23:59:59.999Z'), revokedAt: null, ip: '::1', userAgent: 'Firefox/🦊' });
    await tx.insert(t.securityEvents).values([
      { id: 'ev-1', workspaceId: null, userId: 'u-mina', actorId: null, type: 'signin', detail: { method: 'password', mfa: true }, ip: '10.0.0.1' },
      { id: 'ev-2', workspaceId: 'w-1', userId: null, actorId: 'u-mina', type: 'invite', detail: null },
    ]);
    // Keys whose byte order differs from a linguistic collation's (case, punctuation).
    await tx.insert(t.rateLimits).values([
      { key: 'signin:b', count: 1, windowStartedAt: at('2024-01-01T00:00:00.000Z'), blockedUntil: null, updatedAt: at('2024-01-01T00:00:00.000Z') },
      { key: 'Signin:a', count: 2, windowStartedAt: at('2024-01-01T00:00:00.000Z'), blockedUntil: at('2024-01-01T00:15:00.000Z'), updatedAt: at('2024-01-01T00:00:01.000Z') },
      { key: 'sign-in:c', count: 3, windowStartedAt: at('2024-01-01T00:00:00.000Z'), updatedAt: at('2024-01-01T00:00:02.000Z') },
      { key: 'signin_a', count: 4, windowStartedAt: at('2024-01-01T00:00:00.000Z'), updatedAt: at('2024-01-01T00:00:03.000Z') },
    ]);
  });
}

const SEEDED_ROWS = 2 + 1 + 2 + 1 + 5 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + (2 + HISTORY_EXTRA) + 1 + 2 + 4;

async function seededSource(): Promise<Db> {
  const source = await sqliteDb('source.db');
  await seed(source);
  return source;
}

describe('copyOrder', () => {
  it('puts every table after the tables its foreign keys point at', () => {
    const order = copyOrder();
    expect(new Set(order).size).toBe(order.length);
    for (const [name, table] of Object.entries(t)) {
      if (!is(table, SQLiteTable)) continue;
      const config = getTableConfig(table);
      if (DERIVED_TABLES.includes(config.name)) continue;
      for (const foreignKey of config.foreignKeys) {
        const parent = getTableName(foreignKey.reference().foreignTable);
        expect(order.indexOf(parent), `${name} → ${parent}`).toBeLessThan(order.indexOf(config.name));
      }
    }
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('memberships'));
    expect(order.indexOf('comments')).toBeLessThan(order.indexOf('mentions'));
  });

  it('copies every table both dialects define but the derived search index, and only those', () => {
    const sqliteNames = Object.values(t)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table));
    expect(copyOrder().sort()).toEqual(sqliteNames.filter((name) => !dialectOnlyTables().includes(name) && !DERIVED_TABLES.includes(name)).sort());
    expect(copyTables().find((table) => table.name === 'memberships')?.primaryKey).toEqual(['workspaceId', 'userId']);
    // The PostgreSQL-only plumbing is transient and not copied.
    const pgNames = Object.values(pgTables)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableName(table));
    for (const name of dialectOnlyTables()) expect(pgNames).toContain(name);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and normalises dates, bigints and odd numbers', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson([at('2024-01-01T00:00:00.5Z'), 10n, Number.NaN, undefined, true, 'ی'])).toBe('["2024-01-01T00:00:00.500Z","10","NaN",null,true,"ی"]');
  });
});

describe('copyDatabase, SQLite → SQLite', () => {
  it('copies every row in foreign-key order, in batches, and verifies counts and checksums', async () => {
    const source = await seededSource();
    const target = await sqliteDb('target.db', { migrate: false });
    const events: CopyProgress[] = [];
    const result = await copyDatabase(source, target, { batchSize: 7, onProgress: (event) => events.push(event) });

    expect(result.rows).toBe(SEEDED_ROWS);
    expect(result.tables.map((table) => table.table)).toEqual(copyOrder());
    expect(result.tables.find((table) => table.table === 'history_entries')?.rows).toBe(2 + HISTORY_EXTRA);
    expect(result.skipped).toEqual(dialectOnlyTables());
    expect(events[0]).toEqual({ phase: 'migrated' });
    expect(events.filter((event) => event.phase === 'copied').map((event) => event.table)).toEqual(copyOrder());

    // Read back independently (a fresh snapshot of each database): identical tables.
    const [from, to] = [await databaseChecksums(source), await databaseChecksums(target, { batchSize: 1000 })];
    expect(to).toEqual(from);
    expect(result.tables).toEqual(from);

    // The search index is not copied: the target's triggers rebuilt it from the copied rows.
    const indexed = async (db: Db) => (await db.select({ kind: t.searchDocs.kind, refId: t.searchDocs.refId, body: t.searchDocs.body }).from(t.searchDocs).orderBy(t.searchDocs.kind, t.searchDocs.refId)).filter((row) => row.kind !== 'block');
    const sourceIndex = await indexed(source);
    expect(sourceIndex.length).toBeGreaterThan(0);
    expect(await indexed(target)).toEqual(sourceIndex);

    // And the values themselves.
    const [article] = await target.select().from(t.articles).where(eq(t.articles.id, 'a-1'));
    expect(article?.docJson).toEqual(DOC);
    expect(article?.blindReview).toBe(true);
    expect(article?.updatedAt).toEqual(at('2024-02-02T12:00:00.999Z'));
    const [mina] = await target.select().from(t.users).where(eq(t.users.id, 'u-mina'));
    expect(mina).toMatchObject({ name: 'مینا رضایی 🧕', mustChangePassword: true, emailVerifiedAt: at('2024-03-20T10:11:12.345Z') });
    const levels = await target.select({ id: t.ratingLevels.id, value: t.ratingLevels.value }).from(t.ratingLevels).orderBy(asc(t.ratingLevels.position));
    expect(levels.map((level) => level.value)).toEqual([1, 0.75, -1.5e-7, 1 / 3, null]);
    const [history] = await target.select().from(t.historyEntries).where(eq(t.historyEntries.id, 'h-create'));
    expect(history).toMatchObject({ before: null, after: { a: [1, 'دو', { y: true, z: null }], b: 2 } });
  });

  it('pages by primary key, a two-column one too, whatever the batch size', async () => {
    const source = await seededSource();
    const target = await sqliteDb('target.db', { migrate: false });
    const result = await copyDatabase(source, target, { batchSize: 1 });
    expect(result.rows).toBe(SEEDED_ROWS);
    expect(await databaseChecksums(target, { batchSize: 1 })).toEqual(await databaseChecksums(source));
  });

  it('refuses a target that already holds rows, naming the table, and leaves it as it was', async () => {
    const source = await seededSource();
    const target = await sqliteDb('target.db');
    await transaction(target, async (tx) => {
      await tx.insert(t.workspaces).values({ id: 'w-x', slug: 'x', name: 'x', organizationName: 'x' });
    });
    await expect(copyDatabase(source, target)).rejects.toThrow(/not empty: table "workspaces" has 1 row\b/);
    await expect(copyDatabase(source, target)).rejects.toBeInstanceOf(CopyError);
    expect(await target.select().from(t.users)).toEqual([]);
    expect(await target.select({ id: t.workspaces.id }).from(t.workspaces)).toEqual([{ id: 'w-x' }]);
  });

  it('rolls the whole copy back when a table does not read back the same, naming it', async () => {
    const source = await seededSource();
    const target = await sqliteDb('target.db');
    // Something in the target changing what was written (here a trigger): the checksum catches it.
    sqliteConnection(target).exec(`CREATE TRIGGER tamper AFTER INSERT ON sources BEGIN UPDATE sources SET title = title || '!' WHERE id = NEW.id; END`);
    await expect(copyDatabase(source, target)).rejects.toThrow(/Verification failed for table "sources": checksums differ/);
    const counts = await databaseChecksums(target);
    expect(counts.every((table) => table.rows === 0)).toBe(true);
  });

  it('rolls back when a row cannot be written, naming the table and the driver reason', async () => {
    const source = await seededSource();
    // An orphan written while foreign keys were off (as old databases may hold).
    const raw = sqliteConnection(source);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('INSERT INTO mentions (id, comment_id, user_id, created_at) VALUES (?, ?, ?, ?)').run('m-orphan', 'cm-gone', 'u-zoe', Date.now());
    raw.pragma('foreign_keys = ON');
    const target = await sqliteDb('target.db');
    const error = await copyDatabase(source, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyError);
    expect(messageOf(error)).toMatch(/Copying table "mentions" failed.*FOREIGN KEY constraint failed/);
    expect(messageOf(error)).not.toMatch(/Failed query/);
    expect((await databaseChecksums(target)).reduce((sum, table) => sum + table.rows, 0)).toBe(0);
  });

  it('refuses a source that is not migrated to the current schema', async () => {
    const source = await sqliteDb('empty.db', { migrate: false });
    const target = await sqliteDb('target.db', { migrate: false });
    await expect(copyDatabase(source, target)).rejects.toThrow(/has 0 of this version's \d+ migrations applied/);
  });
});

describe.runIf(onPostgres)('copyDatabase, SQLite → PostgreSQL → SQLite', () => {
  it('round-trips every table with equal counts and checksums', async () => {
    const source = await seededSource();
    const pg = await createTestDb(); // a fresh, empty PostgreSQL database
    const pgResult = await copyDatabase(source, pg, { batchSize: 7 });
    const back = await sqliteDb('back.db', { migrate: false });
    const backResult = await copyDatabase(pg, back, { batchSize: 1 }); // pages every table, memberships' two-column key too

    const original = await databaseChecksums(source);
    expect(pgResult.tables).toEqual(original);
    expect(await databaseChecksums(pg)).toEqual(original);
    expect(backResult.tables).toEqual(original);
    expect(await databaseChecksums(back)).toEqual(original);

    // Stored as PostgreSQL's own types: jsonb, boolean, timestamptz, double precision.
    const [article] = await queryRows<{ doc_json: unknown; blind_review: unknown; updated_at: unknown }>(pg, sql`SELECT doc_json, blind_review, updated_at FROM articles WHERE id = 'a-1'`);
    expect(article?.doc_json).toEqual(DOC);
    expect(article?.blind_review).toBe(true);
    expect(new Date(article?.updated_at as string | Date).toISOString()).toBe('2024-02-02T12:00:00.999Z');
    const [pgLevel] = await queryRows<{ value: unknown }>(pg, sql`SELECT value FROM rating_levels WHERE id = 'l-third'`);
    expect(pgLevel?.value).toBe(1 / 3);
    const [level] = await back.select().from(t.ratingLevels).where(eq(t.ratingLevels.id, 'l-third'));
    expect(level?.value).toBe(1 / 3);
    const keys = await back.select({ key: t.rateLimits.key }).from(t.rateLimits).orderBy(asc(t.rateLimits.key));
    expect(keys.map((row) => row.key)).toEqual(['Signin:a', 'sign-in:c', 'signin:b', 'signin_a']);
  });

  it('refuses a PostgreSQL target that holds rows', async () => {
    const source = await seededSource();
    const pg = await createTestDb();
    await copyDatabase(source, pg);
    await expect(copyDatabase(source, pg)).rejects.toThrow(/not empty: table "users" has 2 rows/);
  });
});

describe('parseCopyArgs', () => {
  const PG = 'postgres://claimdesk:s3cret-pw@db.example:5433/claimdesk';

  it('takes --from and --to, as separate words or with =, in either order', () => {
    expect(parseCopyArgs(['--from', 'sqlite:./data/claimdesk.db', '--to', PG])).toEqual({
      kind: 'copy',
      from: { dialect: 'sqlite', file: './data/claimdesk.db' },
      to: { dialect: 'postgres', url: PG },
    });
    expect(parseCopyArgs([`--to=${PG}`, '--from=sqlite:/var/claimdesk.db'])).toEqual({
      kind: 'copy',
      from: { dialect: 'sqlite', file: '/var/claimdesk.db' },
      to: { dialect: 'postgres', url: PG },
    });
    expect(parseCopyArgs(['--from', 'postgresql://u@h/db', '--to', 'sqlite:///tmp/back.db'])).toMatchObject({ to: { dialect: 'sqlite', file: '/tmp/back.db' } });
    expect(parseCopyArgs(['--from', 'sqlite:a.db', '--to', 'sqlite:b.db'])).toMatchObject({ kind: 'copy' });
    expect(parseCopyArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCopyArgs(['--from', 'x', '-h'])).toEqual({ kind: 'help' });
  });

  it('refuses missing, repeated, unknown and malformed arguments with the usage', () => {
    const refuses = (argv: string[], message: RegExp) => {
      expect(() => parseCopyArgs(argv)).toThrow(CopyUsageError);
      expect(() => parseCopyArgs(argv)).toThrow(message);
      expect(() => parseCopyArgs(argv)).toThrow(/Usage: npm run db:copy/);
    };
    refuses([], /Say where to copy from/);
    refuses(['--from', 'sqlite:a.db'], /Say where to copy to/);
    refuses(['--from', 'sqlite:a.db', '--to'], /--to needs a database/);
    refuses(['--from', '--to', 'sqlite:b.db'], /--from needs a database/);
    refuses(['--from', 'sqlite:a.db', '--from', 'sqlite:c.db', '--to', 'sqlite:b.db'], /--from is given twice/);
    refuses(['--from', 'sqlite:a.db', '--to', 'sqlite:b.db', '--force'], /Unknown argument "--force"/);
    refuses(['--from', 'sqlite:a.db', PG], /named without --from or --to/);
    refuses(['--from', './data/claimdesk.db', '--to', PG], /--from must start with sqlite: .* or postgres:\/\//);
    refuses(['--from', 'mysql://u:p@h/db', '--to', PG], /--from must start with/);
    refuses(['--from', 'sqlite:', '--to', PG], /sqlite: needs a file path/);
    refuses(['--from', 'sqlite::memory:', '--to', PG], /in-memory/);
    refuses(['--from', 'sqlite:a.db', '--to', 'postgres://u:p@h:5432'], /names no database/);
    refuses(['--from', 'sqlite:a.db', '--to', 'postgres://u:p@h:99999/db'], /not a valid PostgreSQL URL/);
    refuses(['--from', 'sqlite:./a.db', '--to', `sqlite:${path.resolve('a.db')}`], /the same database \(SQLite file \.\/a\.db\)/);
    refuses(['--from', 'postgres://u:p@H:5432/db', '--to', 'postgres://v:q@h/db'], /the same database \(PostgreSQL at H:5432\/db\)/);
  });

  it('never repeats a password in its messages', () => {
    for (const argv of [
      ['--from', 'sqlite:a.db', 'postgres://u:s3cret-pw@h/db'],
      ['--from', 'sqlite:a.db', '--to', 'postgres://u:s3cret-pw@h:99999/db'],
      ['--from', 'sqlite:a.db', '--to', 'postgres://u:s3cret-pw@h'],
      ['--from', 'mysql://u:s3cret-pw@h/db', '--to', 'sqlite:b.db'],
      ['--from', PG, '--to', PG],
    ]) {
      expect(() => parseCopyArgs(argv)).toThrow(CopyUsageError);
      try {
        parseCopyArgs(argv);
      } catch (error) {
        expect(String(error)).not.toContain('s3cret-pw');
      }
    }
    expect(messageOf(new Error(`connect failed for ${PG} now`))).toBe('connect failed for <url> now');
  });
});
