import 'server-only';
import type pg from 'pg';
import type { EventBus } from '@/lib/events/bus';
import { summarizePresence, type JoinInput, type PresenceConnection, type PresenceStore } from '@/lib/events/presence';
import type { PresenceViewer } from '@/lib/events/types';

/**
 * Presence shared by several instances: one row per open stream in `presence_connections`. The
 * instance holding the stream writes it (join, leave, heartbeats batched into one UPDATE); any
 * instance answers "who is here" and "which claim do I have open" (the presence POST may reach
 * another instance than the stream). Rows of an instance that died stop being refreshed and are
 * swept by whichever instance prunes first, which announces the change to all.
 */
export class PgPresenceStore implements PresenceStore {
  private readonly pendingTouches = new Set<string>();
  private touchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly bus: EventBus,
    readonly instanceId: string = crypto.randomUUID(),
    private readonly now: () => number = Date.now,
  ) {}

  async join(articleId: string, input: JoinInput): Promise<void> {
    if (!input.workspaceId) throw new TypeError('Shared presence needs the workspace of the article.');
    const at = new Date(this.now());
    await this.pool.query(
      `INSERT INTO presence_connections (connection_id, workspace_id, article_id, user_id, name, open_claim_id, changed_at, last_seen, instance_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
       ON CONFLICT (connection_id) DO UPDATE SET open_claim_id = EXCLUDED.open_claim_id, changed_at = EXCLUDED.changed_at, last_seen = EXCLUDED.last_seen, instance_id = EXCLUDED.instance_id`,
      [input.connectionId, input.workspaceId, articleId, input.userId, input.name, input.openClaimId, at, this.instanceId],
    );
  }

  async leave(articleId: string, connectionId: string): Promise<boolean> {
    this.pendingTouches.delete(connectionId);
    const result = await this.pool.query('DELETE FROM presence_connections WHERE article_id = $1 AND connection_id = $2', [articleId, connectionId]);
    return (result.rowCount ?? 0) > 0;
  }

  async update(articleId: string, userId: string, openClaimId: string | null, connectionId?: string): Promise<boolean> {
    const before = await this.snapshot(articleId);
    const at = new Date(this.now());
    await this.pool.query(
      `UPDATE presence_connections
          SET changed_at = CASE WHEN open_claim_id IS DISTINCT FROM $3 THEN $4 ELSE changed_at END,
              open_claim_id = $3, last_seen = $4
        WHERE article_id = $1 AND user_id = $2 AND ($5::text IS NULL OR connection_id = $5)`,
      [articleId, userId, openClaimId, at, connectionId ?? null],
    );
    const after = await this.snapshot(articleId);
    return JSON.stringify(before.map((v) => [v.userId, v.openClaimId])) !== JSON.stringify(after.map((v) => [v.userId, v.openClaimId]));
  }

  /** Heartbeats of all local streams go out together, in one UPDATE, shortly after the tick. */
  touch(_articleId: string, connectionId: string): void {
    this.pendingTouches.add(connectionId);
    this.touchTimer ??= setTimeout(() => {
      this.touchTimer = null;
      void this.flushTouches();
    }, 50);
  }

  async flushTouches(): Promise<void> {
    const ids = [...this.pendingTouches];
    this.pendingTouches.clear();
    if (ids.length === 0) return;
    try {
      await this.pool.query('UPDATE presence_connections SET last_seen = $1 WHERE connection_id = ANY($2::text[])', [new Date(this.now()), ids]);
    } catch (error) {
      console.error('Could not refresh presence', error);
    }
  }

  async isPresent(articleId: string, userId: string): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM presence_connections WHERE article_id = $1 AND user_id = $2 LIMIT 1', [articleId, userId]);
    return (result.rowCount ?? 0) > 0;
  }

  async snapshot(articleId: string): Promise<PresenceViewer[]> {
    const result = await this.pool.query<{ user_id: string; name: string; open_claim_id: string | null; changed_at: Date; last_seen: Date }>(
      'SELECT user_id, name, open_claim_id, changed_at, last_seen FROM presence_connections WHERE article_id = $1',
      [articleId],
    );
    const connections: PresenceConnection[] = result.rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      openClaimId: row.open_claim_id,
      changedAt: row.changed_at.getTime(),
      lastSeen: row.last_seen.getTime(),
    }));
    return summarizePresence(connections);
  }

  /** Deletes connections nobody refreshed (their instance died); announces each article that changed to every instance. */
  async prune(maxAgeMs: number): Promise<string[]> {
    const result = await this.pool.query<{ workspace_id: string; article_id: string }>(
      'DELETE FROM presence_connections WHERE last_seen < $1 RETURNING workspace_id, article_id',
      [new Date(this.now() - maxAgeMs)],
    );
    const changed = new Map(result.rows.map((row) => [row.article_id, row.workspace_id]));
    for (const [articleId, workspaceId] of changed) this.bus.announcePresence(workspaceId, articleId);
    // Announced to all instances, this one included: nothing more for the caller to do.
    return [];
  }

  /** Removes this instance's rows (clean shutdown). */
  async removeInstance(): Promise<void> {
    await this.pool.query('DELETE FROM presence_connections WHERE instance_id = $1', [this.instanceId]);
  }
}
