import 'server-only';
import pg from 'pg';
import { InMemoryEventBus, matchesFilter, type EventBus, type EventFilter, type EventListener, type PresenceAnnouncedListener } from '@/lib/events/bus';
import type { DurableEvent, EventCursor, NewWorkspaceEvent, WorkspaceEvent } from '@/lib/events/types';

/**
 * The event bus of several app instances on one PostgreSQL database, with no other service:
 *
 * - publish: one short transaction inserts the event into `live_events` (its id is the seq) and
 *   `pg_notify`s it. An advisory lock orders the inserts, so ids commit in order and a client
 *   that saw id N has seen everything before N.
 * - every instance LISTENs on one connection and hands what arrives to its own streams; after a
 *   lost connection it reads what it missed from the table.
 * - replay (Last-Event-ID) reads the table, so a client may reconnect to any instance. Rows older
 *   than the retention window are deleted; a client further behind is told to resync.
 *
 * A notification carries what an event carries (type, ids, versions, who): never content, and
 * presence announcements carry only the workspace and article ids.
 */

export const CHANNEL = 'claimdesk_live';
export const PG_EPOCH = 'pg';
/** PostgreSQL's NOTIFY payload limit is 8000 bytes; bigger events are fetched by id. */
const MAX_PAYLOAD = 7900;
/** More missed events than this: a resync (refetch) is cheaper than replaying them. */
export const MAX_REPLAY = 1000;
const PUBLISH_LOCK = 7_240_313;

type Notice = { k: 'e'; e: DurableEvent } | { k: 'i'; id: number } | { k: 'p'; w: string; a: string };

export interface PgEventBusOptions {
  pool: pg.Pool;
  /** A connection string for the LISTEN connection (it cannot come from the pool: it stays open). */
  url: string;
  /** How long events stay replayable. */
  retentionMs?: number;
  reconnectMs?: number;
}

export class PgEventBus implements EventBus {
  readonly epoch = PG_EPOCH;
  /** Local subscribers and presence listeners; its own seq/ring are unused. */
  private readonly local = new InMemoryEventBus({ capacity: 1 });
  private listener: pg.Client | null = null;
  private lastSeenId = 0;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private retentionTimer: ReturnType<typeof setInterval> | null = null;
  private readonly retentionMs: number;
  /**
   * Notifications and catch-ups are handled one at a time, in arrival order: an event read from the
   * table (too big for a notification, or missed while disconnected) never loses its place to one
   * that arrived right after it (which would then make it look already delivered).
   */
  private incoming: Promise<void> = Promise.resolve();
  /**
   * Publishing has its own connection: under load the app's pool is busy with the requests that
   * cause the events, and a notification waiting behind them reached streams up to a second late
   * (bench/RESULTS.md). One connection also keeps this instance's events in order.
   */
  private readonly publisher: pg.Pool;

  constructor(private readonly options: PgEventBusOptions) {
    this.retentionMs = options.retentionMs ?? 60 * 60_000;
    this.publisher = new pg.Pool({ connectionString: options.url, max: 1, connectionTimeoutMillis: 5000 });
    // A dropped idle connection is replaced on the next publish; it must not crash the process.
    this.publisher.on('error', () => {});
  }

  /** Opens the LISTEN connection (rejects if the database is unreachable) and starts the retention sweep. */
  async start(): Promise<void> {
    const latest = await this.options.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM live_events');
    this.lastSeenId = Number(latest.rows[0]?.id ?? 0);
    await this.listen();
    this.retentionTimer = setInterval(() => void this.prune(), Math.min(this.retentionMs, 60_000));
    this.retentionTimer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => {});
    await this.publisher.end().catch(() => {});
  }

  async publish(input: NewWorkspaceEvent): Promise<void> {
    if (input.type === 'presence.changed') {
      // Snapshots are per instance (each reads the shared presence); only the change is announced.
      this.announcePresence(input.workspaceId, input.articleId);
      return;
    }
    // One statement, so one round trip and its own transaction: take the publish lock (ids then
    // commit in id order), insert, and notify with the event as stored. Events are small (ids and
    // versions); one too big for NOTIFY's 8000 bytes goes out as its id and is read from the table.
    await this.publisher.query(
      `WITH publish_lock AS (SELECT pg_advisory_xact_lock($1)),
            inserted AS (
              INSERT INTO live_events (workspace_id, article_id, payload)
              SELECT $2, $3, $4::jsonb FROM publish_lock
              RETURNING id, created_at, payload
            ),
            notice AS (
              SELECT id, json_build_object('k', 'e', 'e', payload || jsonb_build_object('seq', id, 'at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text AS text
                FROM inserted
            )
       SELECT pg_notify($5, CASE WHEN octet_length(text) <= ${MAX_PAYLOAD} THEN text ELSE json_build_object('k', 'i', 'id', id)::text END) FROM notice`,
      [PUBLISH_LOCK, input.workspaceId, input.articleId, JSON.stringify(input), CHANNEL],
    );
  }

  subscribe(filter: EventFilter, listener: EventListener): () => void {
    return this.local.subscribe(filter, listener);
  }

  deliverLocal(event: WorkspaceEvent): void {
    this.local.deliverLocal(event);
  }

  announcePresence(workspaceId: string, articleId: string): void {
    const payload = JSON.stringify({ k: 'p', w: workspaceId, a: articleId } satisfies Notice);
    this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: unknown) => console.error('Could not announce presence', error));
  }

  onPresenceAnnounced(listener: PresenceAnnouncedListener): () => void {
    return this.local.onPresenceAnnounced(listener);
  }

  async replay(cursor: EventCursor, filter: EventFilter): Promise<DurableEvent[] | 'resync'> {
    if (cursor.epoch !== PG_EPOCH || cursor.seq < 0) return 'resync';
    const bounds = await this.options.pool.query<{ oldest: string | null; latest: string | null }>('SELECT min(id) AS oldest, max(id) AS latest FROM live_events');
    const oldest = Number(bounds.rows[0]?.oldest ?? 0);
    const latest = Number(bounds.rows[0]?.latest ?? 0);
    if (cursor.seq > latest) return 'resync';
    if (cursor.seq === latest) return [];
    // Events after the cursor were deleted (retention): they cannot all be listed.
    if (oldest > cursor.seq + 1) return 'resync';
    const rows = await this.options.pool.query<{ id: string; payload: NewWorkspaceEvent; created_at: Date }>(
      `SELECT id, payload, created_at FROM live_events
        WHERE id > $1 AND workspace_id = $2 AND ($3::text IS NULL OR article_id = $3 OR article_id IS NULL)
        ORDER BY id LIMIT ${MAX_REPLAY + 1}`,
      [cursor.seq, filter.workspaceId, filter.articleId ?? null],
    );
    if (rows.rows.length > MAX_REPLAY) return 'resync';
    return rows.rows.map(toEvent).filter((event) => matchesFilter(filter, event));
  }

  async cursor(): Promise<EventCursor> {
    const latest = await this.options.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM live_events');
    return { epoch: PG_EPOCH, seq: Number(latest.rows[0]?.id ?? 0) };
  }

  /** Deletes events past the retention window; any instance may run it. */
  async prune(now = new Date()): Promise<number> {
    try {
      const result = await this.options.pool.query('DELETE FROM live_events WHERE created_at < $1', [new Date(now.getTime() - this.retentionMs)]);
      return result.rowCount ?? 0;
    } catch (error) {
      console.error('Could not prune live events', error);
      return 0;
    }
  }

  private enqueue(task: () => void | Promise<void>): void {
    this.incoming = this.incoming
      .then(() => (this.stopped ? undefined : task()))
      .catch((error: unknown) => console.error('Could not deliver live events', error));
  }

  /** Opens the LISTEN connection; after a reconnect (`catchUp`) first delivers what was missed. */
  private async listen(catchUp = false): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      const payload = message.payload;
      if (message.channel === CHANNEL && payload) this.enqueue(() => this.receive(payload));
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    // The catch-up is queued before anything this connection hears, and reads the table only once
    // LISTEN is in place: every event is then either in what it reads or in a later notification.
    let listening: (ok: boolean) => void = () => {};
    if (catchUp) {
      const started = new Promise<boolean>((resolve) => (listening = resolve));
      this.enqueue(async () => {
        if (await started) await this.catchUpWhileListening(client);
      });
    }
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      listening(false);
      client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      // stop() ran while this connection was opening: it must not stay open.
      listening(false);
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    listening(true);
  }

  /** Retries a failed catch-up while `client` is still the listener (notifications wait behind it). */
  private async catchUpWhileListening(client: pg.Client): Promise<void> {
    for (;;) {
      try {
        return await this.catchUp();
      } catch (error) {
        console.error('Could not catch up on live events', error);
        if (this.stopped || this.listener !== client) return;
        await new Promise((resolve) => setTimeout(resolve, this.options.reconnectMs ?? 1000));
      }
    }
  }

  /** The LISTEN connection dropped (database restarted): reconnect, then send what was missed. */
  private lost(client: pg.Client): void {
    if (this.listener !== client || this.stopped) return;
    this.listener = null;
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen(true).catch(() => this.scheduleReconnect());
    }, this.options.reconnectMs ?? 1000);
    this.reconnectTimer.unref?.();
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const rows = await this.options.pool.query<{ id: string; payload: NewWorkspaceEvent; created_at: Date }>(
        `SELECT id, payload, created_at FROM live_events WHERE id > $1 ORDER BY id LIMIT ${MAX_REPLAY}`,
        [this.lastSeenId],
      );
      for (const row of rows.rows) this.deliverDurable(toEvent(row));
      if (rows.rows.length < MAX_REPLAY) return;
    }
  }

  private async receive(payload: string): Promise<void> {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return;
    }
    if (notice.k === 'p') return this.local.announcePresence(notice.w, notice.a);
    if (notice.k === 'e') return this.deliverDurable(notice.e);
    try {
      const rows = await this.options.pool.query<{ id: string; payload: NewWorkspaceEvent; created_at: Date }>('SELECT id, payload, created_at FROM live_events WHERE id = $1', [notice.id]);
      if (rows.rows[0]) this.deliverDurable(toEvent(rows.rows[0]));
    } catch (error) {
      console.error('Could not read a live event', error);
    }
  }

  private deliverDurable(event: DurableEvent): void {
    // Ids arrive in commit order; one at or below the last seen was handed out already (a
    // catch-up after a reconnect overlapping the first live notifications).
    if (event.seq <= this.lastSeenId) return;
    this.lastSeenId = event.seq;
    this.local.deliverLocal(event);
  }
}

function toEvent(row: { id: string; payload: NewWorkspaceEvent; created_at: Date }): DurableEvent {
  return { ...row.payload, seq: Number(row.id), at: row.created_at.toISOString() } as DurableEvent;
}
