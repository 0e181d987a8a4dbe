/**
 * Who is calling, for the security log and per-address rate limits.
 *
 * `next start` fills `X-Forwarded-For` with the socket address only when the request has none,
 * and a reverse proxy appends the address it saw. So the trustworthy entry is the one
 * `CLAIMDESK_TRUSTED_PROXIES` hops from the right (default 0: no proxy, take the last entry —
 * which a client talking to `next start` directly can choose; see SECURITY.md).
 */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export function clientAddress(forwardedFor: string | null | undefined, trustedProxies = 0): string | null {
  if (!forwardedFor) return null;
  const hops = forwardedFor
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (hops.length === 0) return null;
  const index = Math.max(0, hops.length - 1 - Math.max(0, Math.trunc(trustedProxies)));
  return normaliseAddress(hops[index]!).slice(0, 64);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

export function trustedProxiesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.CLAIMDESK_TRUSTED_PROXIES ?? 0);
  return Number.isFinite(value) && value >= 0 ? Math.trunc(value) : 0;
}

/** Reads the caller's address and user agent from request headers. */
export function clientInfo(headers: Pick<Headers, 'get'>, env: Record<string, string | undefined> = process.env): ClientInfo {
  return {
    ip: clientAddress(headers.get('x-forwarded-for'), trustedProxiesFromEnv(env)),
    userAgent: headers.get('user-agent')?.slice(0, 300) ?? null,
  };
}
