/**
 * Caps on open live streams (one per article tab). The one place that sets them; each can be
 * overridden by an environment variable (a desk with a big screen wall, or a load test).
 * When a cap is reached the *oldest* stream gives way to the new one (stream-registry.ts), so
 * the tab someone just opened always works.
 */

export interface StreamLimits {
  /** Live tabs one person may keep on one article. */
  perUserPerArticle: number;
  /** Live tabs one person may keep across all articles. */
  perUser: number;
  /** Live tabs on one article, everyone together (a later target is 100 viewers per article). */
  perArticle: number;
}

export type StreamLimitName = keyof StreamLimits;

export const DEFAULT_STREAM_LIMITS: Readonly<StreamLimits> = Object.freeze({ perUserPerArticle: 5, perUser: 10, perArticle: 200 });

export const STREAM_LIMIT_ENV: Readonly<Record<StreamLimitName, string>> = Object.freeze({
  perUserPerArticle: 'CLAIMDESK_MAX_STREAMS_PER_USER_ARTICLE',
  perUser: 'CLAIMDESK_MAX_STREAMS_PER_USER',
  perArticle: 'CLAIMDESK_MAX_STREAMS_PER_ARTICLE',
});

/** Above this a "cap" no longer protects the server. */
export const MAX_STREAM_LIMIT = 100_000;

/**
 * Reads overrides from `env`. A bad value keeps that cap's default and is reported in `errors`
 * (the caller logs them): a typo in the environment must not take live updates down.
 */
export function parseStreamLimits(env: Readonly<Record<string, string | undefined>>): { limits: StreamLimits; errors: string[] } {
  const limits: StreamLimits = { ...DEFAULT_STREAM_LIMITS };
  const errors: string[] = [];
  for (const name of Object.keys(STREAM_LIMIT_ENV) as StreamLimitName[]) {
    const variable = STREAM_LIMIT_ENV[name];
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > MAX_STREAM_LIMIT) {
      errors.push(`${variable} must be a whole number from 1 to ${MAX_STREAM_LIMIT}, got "${raw}"; using ${limits[name]}.`);
      continue;
    }
    limits[name] = value;
  }
  return { limits, errors };
}

/** Why a stream was closed to make room, as sent to the client in the `closed` event. */
export interface StreamClosedNotice {
  reason: 'too_many_streams';
  limit: StreamLimitName;
  message: string;
}

export function streamClosedNotice(limit: StreamLimitName, limits: StreamLimits): StreamClosedNotice {
  const message = {
    perUserPerArticle: `This article is open in more than ${limits.perUserPerArticle} of your tabs. Live updates stopped in this one, the oldest.`,
    perUser: `You have more than ${limits.perUser} tabs with live updates open. Live updates stopped in this one, the oldest.`,
    perArticle: `Too many people have this article open (limit ${limits.perArticle} tabs). Live updates stopped in this tab.`,
  }[limit];
  return { reason: 'too_many_streams', limit, message };
}
