import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { engineOf } from '@/db/client';
import { createTestDb } from '@/db/test-db';
import type { NewWorkspaceEvent, WorkspaceEvent } from '@/lib/events/bus';
import { CHANNEL, MAX_REPLAY, PG_EPOCH, PgEventBus, type PgEventBusOptions } from './pg-bus';

/**
 * Two app instances in one process: two PgEventBus objects, each with its own pool and LISTEN
 * connection, on one fresh database. Only runs against PostgreSQL (DATABASE_URL=postgres://…).
 */

const claimUpdated = (articleId = 'a1', workspaceId = 'w1', id = 'c1'): NewWorkspaceEvent => ({ type: 'claim.updated', workspaceId, articleId, claimId: id, entityId: id, version: 2, actorId: 'u2' });
const memberRemoved = (workspaceId = 'w1', userId = 'u9'): NewWorkspaceEvent => ({ type: 'member.removed', workspaceId, articleId: null, entityId: userId, userId, version: null, actorId: 'owner' });

/** Every field an event may carry (types.ts): ids, versions, who, when. Nothing else may leave the database. */
const EVENT_FIELDS = new Set(['type', 'seq', 'at', 'workspaceId', 'articleId', 'entityId', 'version', 'actorId', 'claimId', 'fields', 'revision', 'userId']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withAppName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

describe.skipIf(!process.env.DATABASE_URL?.startsWith('postgres'))('PgEventBus: two instances on one database', () => {
  let url: string;
  let db: pg.Pool;
  const pools: pg.Pool[] = [];
  const buses: PgEventBus[] = [];
  const clients: pg.Client[] = [];

  beforeEach(async () => {
    const engine = engineOf(await createTestDb());
    if (engine.dialect !== 'postgres' || engine.config.dialect !== 'postgres') throw new Error('expected a PostgreSQL test database');
    db = engine.pool;
    url = engine.config.url;
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()));
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  /** One app instance: its own pool, its own LISTEN connection (named, so a test can kill it). */
  async function instance(name: string, options: Partial<PgEventBusOptions> = {}): Promise<PgEventBus> {
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    pool.on('error', () => {});
    pools.push(pool);
    const bus = new PgEventBus({ pool, url: withAppName(url, `bus_${name}`), reconnectMs: 50, ...options });
    buses.push(bus);
    await bus.start();
    return bus;
  }

  function record(bus: PgEventBus, filter: { workspaceId: string; articleId?: string }): WorkspaceEvent[] {
    const seen: WorkspaceEvent[] = [];
    bus.subscribe(filter, (event) => seen.push(event));
    return seen;
  }

  async function tableIds(): Promise<Array<{ id: number; entityId: string }>> {
    const result = await db.query<{ id: string; entity_id: string }>(`SELECT id, payload->>'entityId' AS entity_id FROM live_events ORDER BY id`);
    return result.rows.map((row) => ({ id: Number(row.id), entityId: row.entity_id }));
  }

  /** Publishes a marker on `from` and waits until `seen` has it: everything sent before has been delivered by then. */
  async function settle(from: PgEventBus, seen: WorkspaceEvent[], workspaceId = 'w1', articleId = 'a1') {
    const marker = `marker-${crypto.randomUUID()}`;
    await from.publish(claimUpdated(articleId, workspaceId, marker));
    await vi.waitFor(() => expect(seen.some((e) => e.entityId === marker)).toBe(true), { timeout: 5000 });
    return seen.filter((e) => !e.entityId.startsWith('marker-'));
  }

  it('delivers an event published on A to subscribers on B and on A, once each, in order, with seq = table id', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = record(a, { workspaceId: 'w1' });
    const onB = record(b, { workspaceId: 'w1', articleId: 'a1' });
    await a.publish(claimUpdated('a1', 'w1', 'c1'));
    await a.publish(claimUpdated('a2', 'w1', 'c2'));
    await b.publish(claimUpdated('a1', 'w1', 'c3'));
    await a.publish(claimUpdated('a1', 'w2', 'other-workspace'));
    await a.publish(memberRemoved('w1', 'u9'));

    const gotB = await settle(a, onB);
    const gotA = await settle(b, onA);
    expect(gotB.map((e) => e.entityId)).toEqual(['c1', 'c3', 'u9']);
    expect(gotA.map((e) => e.entityId)).toEqual(['c1', 'c2', 'c3', 'u9']);

    const ids = new Map((await tableIds()).map((row) => [row.entityId, row.id]));
    for (const event of [...gotA, ...gotB]) expect(event.seq).toBe(ids.get(event.entityId));
    expect(gotA.map((e) => e.seq)).toEqual([...gotA.map((e) => e.seq!)].sort((x, y) => x - y));
    // The same event, field for field, on both instances.
    expect(gotB[0]).toEqual(gotA[0]);
    expect(gotA[0]).toMatchObject({ type: 'claim.updated', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', version: 2, actorId: 'u2' });
    expect(Number.isNaN(Date.parse(gotA[0]!.at))).toBe(false);
  });

  it('keeps one order for concurrent publishers on both instances', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = record(a, { workspaceId: 'w1' });
    const onB = record(b, { workspaceId: 'w1' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).publish(claimUpdated('a1', 'w1', `c${i}`))));
    const gotA = await settle(a, onA);
    const gotB = await settle(a, onB);
    const table = await tableIds();
    const expected = table.filter((row) => !row.entityId.startsWith('marker-'));
    expect(gotA.map((e) => [e.seq, e.entityId])).toEqual(expected.map((row) => [row.id, row.entityId]));
    expect(gotB.map((e) => [e.seq, e.entityId])).toEqual(expected.map((row) => [row.id, row.entityId]));
    expect(new Set(gotA.map((e) => e.entityId)).size).toBe(30);
  });

  it('delivers an event too big for a notification, fetched by id, without losing its place', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onB = record(b, { workspaceId: 'w1', articleId: 'a1' });
    const big = (i: number) => `big${i}-${'x'.repeat(8000)}`;
    await a.publish(claimUpdated('a1', 'w1', big(0)));
    await a.publish(claimUpdated('a1', 'w1', 'small0'));
    // Published together: the small notifications arrive while the big events are still being read.
    await Promise.all([1, 2, 3].flatMap((i) => [a.publish(claimUpdated('a1', 'w1', big(i))), a.publish(claimUpdated('a1', 'w1', `small${i}`))]));
    const got = await settle(a, onB);
    const table = (await tableIds()).filter((row) => !row.entityId.startsWith('marker-'));
    const short = (id: string) => id.slice(0, 8);
    expect(got.map((e) => [e.seq, short(e.entityId)])).toEqual(table.map((row) => [row.id, short(row.entityId)]));
    expect(got).toHaveLength(8);
    expect(got[0]!.entityId).toBe(big(0));
    expect(got[1]!.entityId).toBe('small0');
  });

  it('replays from another instance what a client missed, filtered by workspace and article', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = record(a, { workspaceId: 'w1' });
    await a.publish(claimUpdated('a1', 'w1', 'seen'));
    const cursor = await b.cursor();
    expect(cursor.epoch).toBe(PG_EPOCH);
    await a.publish(claimUpdated('a1', 'w1', 'c2'));
    await a.publish(claimUpdated('a2', 'w1', 'c3'));
    await a.publish(claimUpdated('a1', 'w2', 'c4'));
    await a.publish(memberRemoved('w1', 'u9'));
    await a.publish(claimUpdated('a1', 'w1', 'c5'));

    const forArticle = await b.replay(cursor, { workspaceId: 'w1', articleId: 'a1' });
    const forWorkspace = await b.replay(cursor, { workspaceId: 'w1' });
    expect(forArticle).not.toBe('resync');
    expect(forWorkspace).not.toBe('resync');
    expect((forArticle as WorkspaceEvent[]).map((e) => e.entityId)).toEqual(['c2', 'u9', 'c5']);
    expect((forWorkspace as WorkspaceEvent[]).map((e) => e.entityId)).toEqual(['c2', 'c3', 'u9', 'c5']);
    // Replayed events are the live ones, field for field (seq, at and all).
    const live = await settle(a, onA);
    expect(forWorkspace).toEqual(live.filter((e) => e.entityId !== 'seen'));
    expect(await b.cursor()).toEqual({ epoch: PG_EPOCH, seq: (await tableIds()).at(-1)!.id });
    // Up to date: nothing to replay.
    expect(await b.replay(await b.cursor(), { workspaceId: 'w1' })).toEqual([]);
  });

  it('answers "resync" for a cursor beyond the latest event, from another epoch, or older than the retention window', async () => {
    const a = await instance('a', { retentionMs: 60_000 });
    const b = await instance('b', { retentionMs: 60_000 });
    await a.publish(claimUpdated('a1', 'w1', 'e1'));
    const afterFirst = await b.cursor();
    await a.publish(claimUpdated('a1', 'w1', 'e2'));
    await a.publish(claimUpdated('a1', 'w1', 'e3'));
    const latest = await b.cursor();
    const filter = { workspaceId: 'w1', articleId: 'a1' };

    expect(await b.replay({ epoch: PG_EPOCH, seq: latest.seq + 1 }, filter)).toBe('resync');
    expect(await b.replay({ epoch: 'ep', seq: afterFirst.seq }, filter)).toBe('resync');
    expect(await b.replay({ epoch: PG_EPOCH, seq: -1 }, filter)).toBe('resync');
    expect(await b.replay(afterFirst, filter)).toHaveLength(2);

    // Nothing is past the window yet; a sweep "two minutes from now" deletes all three.
    expect(await a.prune()).toBe(0);
    expect(await a.prune(new Date(Date.now() + 120_000))).toBe(3);
    await a.publish(claimUpdated('a1', 'w1', 'e4'));
    expect(await b.replay(afterFirst, filter)).toBe('resync');
    // A client that had seen e3 misses nothing that was deleted: it gets e4.
    expect(((await b.replay(latest, filter)) as WorkspaceEvent[]).map((e) => e.entityId)).toEqual(['e4']);
  });

  it('answers "resync" when more than MAX_REPLAY events were missed', async () => {
    const b = await instance('b');
    const cursor = await b.cursor();
    const insert = (n: number, articleId: string) =>
      db.query(`INSERT INTO live_events (workspace_id, article_id, payload) SELECT 'w1', $2::text, $3::jsonb FROM generate_series(1, $1::int)`, [n, articleId, JSON.stringify(claimUpdated(articleId, 'w1', 'bulk'))]);
    await insert(MAX_REPLAY, 'a1');
    await insert(5, 'a2'); // another article's events do not count for this stream
    const all = await b.replay(cursor, { workspaceId: 'w1', articleId: 'a1' });
    expect(all).not.toBe('resync');
    expect(all).toHaveLength(MAX_REPLAY);
    await insert(1, 'a1');
    expect(await b.replay(cursor, { workspaceId: 'w1', articleId: 'a1' })).toBe('resync');
  });

  it('announces presence changes to every instance', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const heardA: string[] = [];
    const heardB: string[] = [];
    a.onPresenceAnnounced((w, art) => heardA.push(`${w}/${art}`));
    const stop = b.onPresenceAnnounced((w, art) => heardB.push(`${w}/${art}`));
    a.announcePresence('w1', 'a1');
    await vi.waitFor(() => expect(heardB).toEqual(['w1/a1']));
    await vi.waitFor(() => expect(heardA).toEqual(['w1/a1']));
    // A presence.changed handed to publish is announced, not stored: each instance reads presence itself.
    await b.publish({ type: 'presence.changed', workspaceId: 'w1', articleId: 'a2', entityId: 'a2', version: null, viewers: [], actorId: null });
    await vi.waitFor(() => expect(heardA).toEqual(['w1/a1', 'w1/a2']));
    await vi.waitFor(() => expect(heardB).toEqual(['w1/a1', 'w1/a2']));
    expect(await tableIds()).toEqual([]);
    stop();
    a.announcePresence('w1', 'a3');
    await vi.waitFor(() => expect(heardA).toHaveLength(3));
    await sleep(50);
    expect(heardB).toHaveLength(2);
  });

  it('reconnects a lost LISTEN connection and catches up what was published meanwhile', async () => {
    const a = await instance('a');
    const b = await instance('b', { reconnectMs: 200 });
    const onB = record(b, { workspaceId: 'w1', articleId: 'a1' });
    await a.publish(claimUpdated('a1', 'w1', 'before'));
    await vi.waitFor(() => expect(onB.map((e) => e.entityId)).toEqual(['before']));

    const killed = await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bus_b' AND query ILIKE 'LISTEN%'`);
    expect(killed.rowCount).toBe(1);
    await a.publish(claimUpdated('a1', 'w1', 'meanwhile-1'));
    await a.publish(claimUpdated('a2', 'w1', 'other-article'));
    await a.publish(claimUpdated('a1', 'w1', 'meanwhile-2'));
    expect(onB.map((e) => e.entityId)).toEqual(['before']); // B is not listening yet

    await vi.waitFor(() => expect(onB.map((e) => e.entityId)).toEqual(['before', 'meanwhile-1', 'meanwhile-2']), { timeout: 5000 });
    // Listening again: live events flow, and nothing came twice.
    const got = await settle(a, onB);
    expect(got.map((e) => e.entityId)).toEqual(['before', 'meanwhile-1', 'meanwhile-2']);
    const ids = new Map((await tableIds()).map((row) => [row.entityId, row.id]));
    expect(got.map((e) => e.seq)).toEqual(['before', 'meanwhile-1', 'meanwhile-2'].map((id) => ids.get(id)));
    const listening = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bus_b' AND query ILIKE 'LISTEN%'`);
    expect(listening.rowCount).toBe(1);
  });

  it('loses nothing published while it reconnects: the catch-up and the first live notifications overlap', async () => {
    const a = await instance('a');
    const b = await instance('b', { reconnectMs: 20 });
    const onB = record(b, { workspaceId: 'w1', articleId: 'a1' });
    const listening = async () =>
      (await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bus_b' AND query ILIKE 'LISTEN%'`)).rowCount === 1;
    for (let round = 0; round < 3; round += 1) {
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bus_b' AND query ILIKE 'LISTEN%'`);
      // Keep publishing through the reconnect, so notifications arrive while the catch-up is read.
      let n = 0;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        await Promise.all([a.publish(claimUpdated('a1', 'w1', `r${round}-${n}`)), a.publish(claimUpdated('a1', 'w1', `r${round}-${n + 1}`))]);
        n += 2;
        if (n > 20 && (await listening())) break;
      }
      for (let i = 0; i < 10; i += 1) await a.publish(claimUpdated('a1', 'w1', `r${round}-after-${i}`));
    }
    const got = await settle(a, onB);
    const table = (await tableIds()).filter((row) => !row.entityId.startsWith('marker-'));
    expect(got.map((e) => [e.seq, e.entityId])).toEqual(table.map((row) => [row.id, row.entityId]));
  });

  it('puts only event fields in a notification: ids, versions, who, never content', async () => {
    const a = await instance('a');
    const spy = new pg.Client({ connectionString: url });
    clients.push(spy);
    const payloads: string[] = [];
    spy.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) payloads.push(message.payload);
    });
    await spy.connect();
    await spy.query(`LISTEN ${CHANNEL}`);

    await a.publish(claimUpdated('a1', 'w1', 'c1'));
    await a.publish({ type: 'comment.created', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', entityId: 'm1', version: 1, actorId: 'u2' });
    await a.publish({ type: 'verdict.updated', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', entityId: 'v1', version: 3, actorId: 'u2' });
    await a.publish({ type: 'article.updated', workspaceId: 'w1', articleId: 'a1', entityId: 'a1', version: 7, fields: ['text', 'status'], revision: 4, actorId: 'u2' });
    await a.publish(memberRemoved('w1', 'u9'));
    a.announcePresence('w1', 'a1');
    await vi.waitFor(() => expect(payloads).toHaveLength(6));

    const notices = payloads.map((p) => JSON.parse(p) as Record<string, unknown>);
    const events = notices.filter((n) => n.k === 'e').map((n) => n.e as Record<string, unknown>);
    expect(events.map((e) => e.type)).toEqual(['claim.updated', 'comment.created', 'verdict.updated', 'article.updated', 'member.removed']);
    for (const notice of notices) expect(Object.keys(notice).sort()).toEqual(notice.k === 'e' ? ['e', 'k'] : ['a', 'k', 'w']);
    for (const event of events) for (const key of Object.keys(event)) expect(EVENT_FIELDS, `unexpected field "${key}" in a notification`).toContain(key);
    expect(notices.at(-1)).toEqual({ k: 'p', w: 'w1', a: 'a1' });
  });
});
