import 'server-only';
import { getDb } from '@/db';
import { assertReachable, engineOf, migrateDb } from '@/db/client';
import { purgeExpiredTrash } from '@/db/queries/article-trash';
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
    // Archived copies of sources left pending by a server that stopped are taken again, in the background.
    void import('@/lib/server/archive/queue').then(({ recoverArchivesSoon }) => recoverArchivesSoon(db)).catch((error: unknown) => console.error('[claimdesk] archived copies: recovery not started', error));
    // Find claims runs left running by a server that stopped are marked failed (a new run may start).
    void import('@/lib/server/check-worthiness-jobs').then(({ sweepDeadRunsSoon }) => sweepDeadRunsSoon(db)).catch((error: unknown) => console.error('[claimdesk] Find claims: dead-run sweep not started', error));
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
  // Article text written before the search index existed (or by a tool) is indexed once; cheap when nothing is missing.
  await import('@/db/queries/search-index')
    .then(({ indexMissingArticleBlocks }) => indexMissingArticleBlocks(db))
    .catch((error: unknown) => console.error('[claimdesk] search index: article text backfill failed', error));
  // Articles in the trash over TRASH_RETENTION_DAYS are deleted for good (also when the trash is read or something is trashed).
  await purgeExpiredTrash(db).catch((error: unknown) => console.error('Could not empty the expired trash', error));
}

/** CLAIMDESK_EVENT_RETENTION_MINUTES (default 60): how long a disconnected client can catch up. */
function retentionMs(): number {
  const minutes = Number(process.env.CLAIMDESK_EVENT_RETENTION_MINUTES ?? 60);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 60 * 60_000;
}
