import 'server-only';
import { getDb } from '@/db';
import { assertReachable, engineOf, migrateDb } from '@/db/client';
import { setEventBus } from '@/lib/events/bus';
import { PgEventBus } from '@/lib/server/live/pg-bus';
import { PgPresenceStore } from '@/lib/server/live/pg-presence';
import { setPresence } from '@/lib/events/presence';

/**
 * Before the server answers: the database is reachable and migrated, and on PostgreSQL the live
 * channel is shared between instances (events table + LISTEN/NOTIFY, presence table). On failure
 * it says where it looked (never the password) and exits non-zero.
 */
export async function prepareDatabase(): Promise<void> {
  const db = getDb();
  try {
    await assertReachable(db);
    await migrateDb(db);
    const engine = engineOf(db);
    if (engine.dialect === 'postgres') {
      const bus = new PgEventBus({ pool: engine.pool, url: engine.config.dialect === 'postgres' ? engine.config.url : '', retentionMs: retentionMs() });
      await bus.start();
      setEventBus(bus);
      setPresence(new PgPresenceStore(engine.pool, bus));
    }
  } catch (error) {
    console.error(`Claimdesk cannot start. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** CLAIMDESK_EVENT_RETENTION_MINUTES (default 60): how long a disconnected client can catch up. */
function retentionMs(): number {
  const minutes = Number(process.env.CLAIMDESK_EVENT_RETENTION_MINUTES ?? 60);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 60 * 60_000;
}
