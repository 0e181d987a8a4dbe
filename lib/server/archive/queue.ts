import type { Db } from '@/db/client';
import { recoverPendingArchives, sourceScope } from '@/db/queries/source-archives';
import { emitEntity } from '@/lib/events/emit';
import { takeArchive, type ArchiveJobOptions } from './job';

/**
 * Archived copies are taken in the background, one at a time per process, after the request that
 * asked for them has answered (a slow or dead site never holds a request). A job that throws is
 * logged and the queue goes on. When a copy is done or failed, viewers of the article are told
 * (source.updated) and refetch the claim. A copy left pending by a server that stopped is taken
 * again on the next start (recoverArchivesSoon).
 */

export class ArchiveQueue {
  private readonly waiting: Array<{ key: string; task: () => Promise<void> }> = [];
  private readonly keys = new Set<string>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency = 1,
    private readonly log: (message: string, error: unknown) => void = (m, e) => console.error(`[claimdesk] ${m}`, e),
  ) {}

  /** Queues `task` unless one with the same key is already waiting or running. */
  enqueue(key: string, task: () => Promise<void>): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.waiting.push({ key, task });
    // Never in the caller's turn: the request answers first.
    setImmediate(() => this.pump());
    return true;
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves when nothing is waiting or running (tests). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const next = this.waiting.shift()!;
      this.running += 1;
      void (async () => {
        try {
          await next.task();
        } catch (error) {
          this.log(`archive job ${next.key} failed`, error);
        } finally {
          this.running -= 1;
          this.keys.delete(next.key);
          this.pump();
          if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      })();
    }
  }
}

const globalForArchive = globalThis as unknown as { claimdeskArchiveQueue?: ArchiveQueue; claimdeskArchiveRecovery?: boolean };

function queue(): ArchiveQueue {
  globalForArchive.claimdeskArchiveQueue ??= new ArchiveQueue(1);
  return globalForArchive.claimdeskArchiveQueue;
}

async function jobOptions(): Promise<ArchiveJobOptions> {
  // Loaded when a job runs: Chromium's driver stays out of the routes that only queue.
  const { renderArchivePdf } = await import('./render');
  return { render: process.env.CLAIMDESK_ARCHIVE_PDF === 'off' ? null : renderArchivePdf };
}

/** Takes the copy, then tells the article's viewers. Exported for tests (with their own options). */
export async function runArchive(db: Db, archiveId: string, options: ArchiveJobOptions): Promise<void> {
  const outcome = await takeArchive(db, archiveId, options);
  if (outcome.status === 'skipped') return;
  const scope = await sourceScope(db, outcome.sourceId);
  if (scope) emitEntity('source.updated', scope, { id: outcome.sourceId, version: null }, null);
}

/** Queues a pending copy (after the transaction that created it has committed). */
export function scheduleArchive(db: Db, archiveId: string): void {
  queue().enqueue(archiveId, async () => runArchive(db, archiveId, await jobOptions()));
}

/** How long a pending copy may wait before a starting server takes it again, and when it gives up. */
const RETRY_AFTER_MS = 2 * 60_000;
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/**
 * On start: copies left pending by a stopped server (older than a couple of minutes, so not one
 * another instance is taking right now) are queued again; those older than a day are marked failed.
 * Runs a few seconds after start, never blocking it.
 */
export function recoverArchivesSoon(db: Db, delayMs = 5_000): void {
  if (globalForArchive.claimdeskArchiveRecovery) return;
  globalForArchive.claimdeskArchiveRecovery = true;
  const timer = setTimeout(() => {
    const now = Date.now();
    recoverPendingArchives(db, { olderThan: new Date(now - RETRY_AFTER_MS), giveUpBefore: new Date(now - GIVE_UP_AFTER_MS) })
      .then((ids) => ids.forEach((id) => scheduleArchive(db, id)))
      .catch((error: unknown) => console.error('[claimdesk] could not recover pending archived copies', error));
  }, delayMs);
  timer.unref();
}
