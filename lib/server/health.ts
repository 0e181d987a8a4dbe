import 'server-only';
import { getDb } from '@/db';
import { assertReachable, migrationStatus } from '@/db/client';

const READY_TIMEOUT_MS = 2000;

/**
 * Readiness for a load balancer: the database answers and its schema is current. Says only yes
 * or no — which host, which error or which migration is for the server's log, not for callers.
 */
export function checkReadiness(now = Date.now()): Promise<Readiness> {
  // Unauthenticated: a flood of probes costs one database round trip per second, not one each.
  if (last && now - last.at < CACHE_MS) return last.result;
  last = { at: now, result: readReadiness() };
  return last.result;
}

type Readiness = { ready: boolean; reason?: string };
const CACHE_MS = 1000;
let last: { at: number; result: Promise<Readiness> } | undefined;

async function readReadiness(): Promise<Readiness> {
  const db = getDb();
  try {
    const status = await withTimeout(
      (async () => {
        await assertReachable(db);
        return migrationStatus(db);
      })(),
      READY_TIMEOUT_MS,
    );
    if (status.applied < status.expected) return { ready: false, reason: `migrations: ${status.applied} of ${status.expected} applied` };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
