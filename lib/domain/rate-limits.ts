export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/** One counter as stored; a key without a row (or whose window is over) reads as a fresh counter. */
export interface Counter {
  key: string;
  count: number;
  windowStartedAt: Date;
  /** Refuse until this time regardless of the count (used for back-off); null = not blocked. */
  blockedUntil: Date | null;
}
