let last = 0;

/**
 * Now, but strictly after the previous call in this process: rows written in one burst (a test, a
 * seed, a quick reply) keep their order under `ORDER BY created_at` on both dialects, without
 * SQLite's rowid, which PostgreSQL has no equivalent of.
 */
export function monotonicNow(): Date {
  last = Math.max(Date.now(), last + 1);
  return new Date(last);
}
