import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { engineOf } from '@/db/client';
import { createTestDb } from '@/db/test-db';
import { PgEventBus } from './pg-bus';
import { PgPresenceStore } from './pg-presence';
import { PresenceRegistry, type JoinInput, type PresenceStore } from '@/lib/events/presence';

/**
 * Presence shared by two app instances in one process: each has its own pool, bus and store on one
 * fresh database. Only runs against PostgreSQL (DATABASE_URL=postgres://…).
 */

const join = (connectionId: string, userId = 'u1', name = 'Ana Souza', openClaimId: string | null = null): JoinInput => ({ connectionId, workspaceId: 'w1', userId, name, openClaimId });

describe.skipIf(!process.env.DATABASE_URL?.startsWith('postgres'))('PgPresenceStore: two instances on one database', () => {
  let url: string;
  let db: pg.Pool;
  let now: number;
  const pools: pg.Pool[] = [];
  const buses: PgEventBus[] = [];

  beforeEach(async () => {
    const engine = engineOf(await createTestDb());
    if (engine.dialect !== 'postgres' || engine.config.dialect !== 'postgres') throw new Error('expected a PostgreSQL test database');
    db = engine.pool;
    url = engine.config.url;
    now = Date.parse('2026-01-01T00:00:00Z');
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()));
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  /** One app instance: its pool, its bus (started: it hears announcements) and its presence store. */
  async function instance(instanceId: string, clock: () => number = () => now) {
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    pool.on('error', () => {});
    pools.push(pool);
    const bus = new PgEventBus({ pool, url, reconnectMs: 50 });
    buses.push(bus);
    await bus.start();
    const heard: string[] = [];
    bus.onPresenceAnnounced((workspaceId, articleId) => heard.push(`${workspaceId}/${articleId}`));
    return { bus, store: new PgPresenceStore(pool, bus, instanceId, clock), heard };
  }

  it('shows a join on instance A in the snapshot read on instance B, and the leave too', async () => {
    const a = await instance('A');
    const b = await instance('B');
    await a.store.join('a1', join('tab-1', 'u1', 'Ana Souza', 'c1'));
    expect(await b.store.snapshot('a1')).toEqual([{ userId: 'u1', name: 'Ana Souza', openClaimId: 'c1', connections: 1, lastSeen: new Date(now).toISOString() }]);
    expect(await b.store.isPresent('a1', 'u1')).toBe(true);
    expect(await b.store.isPresent('a1', 'u2')).toBe(false);
    expect(await b.store.snapshot('a2')).toEqual([]);
    expect(await a.store.leave('a1', 'tab-1')).toBe(true);
    expect(await a.store.leave('a1', 'tab-1')).toBe(false);
    expect(await b.store.snapshot('a1')).toEqual([]);
    expect(await b.store.isPresent('a1', 'u1')).toBe(false);
  });

  it('refuses a join without the article’s workspace (announcements are per workspace)', async () => {
    const a = await instance('A');
    await expect(a.store.join('a1', { connectionId: 'tab-1', userId: 'u1', name: 'Ana', openClaimId: null })).rejects.toThrow(TypeError);
  });

  it('changes the open claim through instance B, which holds no stream of that person', async () => {
    const a = await instance('A');
    const b = await instance('B');
    await a.store.join('a1', join('tab-1', 'u1', 'Ana Souza', 'c1'));
    await a.store.join('a1', join('tab-2', 'u1', 'Ana Souza', null));
    now += 1000;
    expect(await b.store.update('a1', 'u1', 'c2')).toBe(true);
    expect(await a.store.snapshot('a1')).toMatchObject([{ userId: 'u1', openClaimId: 'c2', connections: 2, lastSeen: new Date(now).toISOString() }]);
    // Nothing a viewer would see changed: false, so nobody broadcasts.
    expect(await b.store.update('a1', 'u1', 'c2')).toBe(false);
    expect(await b.store.update('a1', 'u9', 'c2')).toBe(false);
    expect(await b.store.update('a9', 'u1', 'c2')).toBe(false);
    // One tab only: the other keeps its claim.
    now += 1000;
    expect(await b.store.update('a1', 'u1', 'c3', 'tab-2')).toBe(true);
    const rows = await db.query<{ connection_id: string; open_claim_id: string | null }>('SELECT connection_id, open_claim_id FROM presence_connections ORDER BY connection_id');
    expect(rows.rows).toEqual([
      { connection_id: 'tab-1', open_claim_id: 'c2' },
      { connection_id: 'tab-2', open_claim_id: 'c3' },
    ]);
    expect(await a.store.snapshot('a1')).toMatchObject([{ openClaimId: 'c3' }]);
    // Another person's tab is not theirs to change.
    expect(await b.store.update('a1', 'u2', 'c9', 'tab-1')).toBe(false);
  });

  it('prunes the rows of an instance that died and announces the change to every instance', async () => {
    const a = await instance('A');
    const b = await instance('B');
    const dead = new PgPresenceStore(db, a.bus, 'dead', () => now);
    await dead.join('a1', join('ghost-1', 'u7', 'Ghost'));
    await dead.join('a2', join('ghost-2', 'u7', 'Ghost'));
    now += 60_000;
    await a.store.join('a1', join('tab-1', 'u1'));
    await b.store.join('a3', join('tab-3', 'u2', 'Tom Becker'));

    // Nothing is stale for a minute and a half: nothing pruned, nothing announced.
    expect(await b.store.prune(90_000)).toEqual([]);
    expect((await db.query('SELECT 1 FROM presence_connections')).rowCount).toBe(4);

    // The change is announced to every instance (this one included), so prune has nothing left to report.
    expect(await b.store.prune(45_000)).toEqual([]);
    await vi.waitFor(() => expect([...a.heard].sort()).toEqual(['w1/a1', 'w1/a2']));
    await vi.waitFor(() => expect([...b.heard].sort()).toEqual(['w1/a1', 'w1/a2']));
    expect((await a.store.snapshot('a1')).map((v) => v.userId)).toEqual(['u1']);
    expect(await a.store.snapshot('a2')).toEqual([]);
    expect((await a.store.snapshot('a3')).map((v) => v.userId)).toEqual(['u2']);
  });

  it('keeps a connection alive through its batched heartbeats', async () => {
    const a = await instance('A');
    await a.store.join('a1', join('tab-1'));
    await a.store.join('a1', join('tab-2', 'u2', 'Tom Becker'));
    now += 60_000;
    a.store.touch('a1', 'tab-1');
    await a.store.flushTouches();
    await a.store.prune(45_000);
    expect((await a.store.snapshot('a1')).map((v) => [v.userId, v.lastSeen])).toEqual([['u1', new Date(now).toISOString()]]);
  });

  it('removes only its own rows on a clean shutdown', async () => {
    const a = await instance('A');
    const b = await instance('B');
    await a.store.join('a1', join('tab-1'));
    await b.store.join('a1', join('tab-2', 'u2', 'Tom Becker'));
    await a.store.removeInstance();
    expect((await b.store.snapshot('a1')).map((v) => v.userId)).toEqual(['u2']);
  });

  it('summarizes like the in-memory PresenceRegistry: one entry per person, tabs counted, latest opened claim shown', async () => {
    const a = await instance('A');
    const b = await instance('B');
    const registry = new PresenceRegistry(() => now);
    // The same steps on both; the shared store gets them through either instance.
    type Step = (store: PresenceStore, other: PresenceStore) => unknown;
    const steps: Array<[string, Step]> = [
      ['first tab with a claim open', (s) => s.join('a1', join('tab-1', 'u1', 'Ana Souza', 'c1'))],
      ['second tab on the bare article', (s) => s.join('a1', join('tab-2', 'u1', 'Ana Souza', null))],
      ['someone else', (_s, o) => o.join('a1', join('tab-3', 'u2', 'Bea Lund', null))],
      ['the second tab opens a claim', (_s, o) => o.update('a1', 'u1', 'c2', 'tab-2')],
      ['the first tab opens another one', (s) => s.update('a1', 'u1', 'c3', 'tab-1')],
      ['the first tab closes its claim', (_s, o) => o.update('a1', 'u1', null, 'tab-1')],
      ['every tab opens the same claim', (s) => s.update('a1', 'u1', 'c4')],
      ['the first tab leaves', (s) => s.leave('a1', 'tab-1')],
      ['the other person leaves', (_s, o) => o.leave('a1', 'tab-3')],
    ];
    const snapshots: Array<{ step: string; registry: unknown; pg: unknown }> = [];
    for (const [step, run] of steps) {
      now += 1000;
      const inMemory = await run(registry, registry);
      const shared = await run(a.store, b.store);
      expect(shared, step).toEqual(inMemory);
      snapshots.push({ step, registry: registry.snapshot('a1'), pg: await b.store.snapshot('a1') });
    }
    for (const { step, registry: expected, pg: actual } of snapshots) expect(actual, step).toEqual(expected);
    // Spot checks of what the steps mean.
    expect(snapshots[1]!.pg).toMatchObject([{ userId: 'u1', connections: 2, openClaimId: 'c1' }]);
    expect(snapshots[2]!.pg).toMatchObject([{ userId: 'u1', connections: 2 }, { userId: 'u2', name: 'Bea Lund', connections: 1 }]);
    expect(snapshots[3]!.pg).toMatchObject([{ openClaimId: 'c2' }, { openClaimId: null }]);
    expect(snapshots[4]!.pg).toMatchObject([{ openClaimId: 'c3' }, {}]);
    expect(snapshots[5]!.pg).toMatchObject([{ openClaimId: 'c2' }, {}]);
    expect(snapshots[7]!.pg).toMatchObject([{ userId: 'u1', connections: 1, openClaimId: 'c4' }, { userId: 'u2' }]);
    expect(snapshots[8]!.pg).toMatchObject([{ userId: 'u1', connections: 1 }]);
  });
});
