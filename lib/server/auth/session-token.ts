import { hkdf } from 'node:crypto';
import { jwtDecrypt } from 'jose';

/**
 * Reads the next-auth session cookie (strategy "jwt") without running next-auth's whole session
 * route per request. `getServerSession()` builds next-auth's options, a CSRF token, cookies, derives
 * the encryption key (HKDF) twice, decrypts the token and then encrypts a fresh one whose cookie an
 * App Router handler drops anyway: about 1–2 ms of CPU on every API call and page. This does the
 * part that decides who is signed in, the same way next-auth 4 does it:
 * - cookie name: `next-auth.session-token`, `__Secure-`-prefixed when the app's origin is https
 *   (next-auth's detectOrigin + defaultCookies; no custom `cookies` in lib/server/auth/options.ts);
 *   chunks `<name>.0`, `<name>.1`, … joined in order (next-auth's SessionStore); never the
 *   Authorization header (getServerSession does not read it either);
 * - token: JWE dir/A256GCM with the key HKDF-SHA256(secret, salt "", "NextAuth.js Generated
 *   Encryption Key", 32), `exp` checked with next-auth's 15 s clock tolerance (jose's jwtDecrypt,
 *   as next-auth's own `decode`). Only the derived key is cached (per secret), never a decision.
 * - what the jwt/session callbacks of options.ts hand on: `sub` (the user id) and `sid` (the
 *   session row). Whether that row is still active is checked by the caller on every request.
 */

export const SESSION_COOKIE = 'next-auth.session-token';
const CLOCK_TOLERANCE_SECONDS = 15;
const KEY_INFO = 'NextAuth.js Generated Encryption Key';

const derivedKeys = new Map<string, Promise<Uint8Array>>();

export function sessionEncryptionKey(secret: string): Promise<Uint8Array> {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = new Promise<Uint8Array>((resolve, reject) => hkdf('sha256', secret, '', KEY_INFO, 32, (error, bytes) => (error ? reject(error) : resolve(new Uint8Array(bytes)))));
    derivedKeys.set(secret, key);
    key.catch(() => derivedKeys.delete(secret));
  }
  return key;
}

/** next-auth 4's choice of a `__Secure-` cookie: its detected origin starts with https. */
export function usesSecureCookie(env: { NEXTAUTH_URL?: string; VERCEL?: string; AUTH_TRUST_HOST?: string }, forwardedProto: string | null): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith('https://');
  if (env.VERCEL ?? env.AUTH_TRUST_HOST) return forwardedProto !== 'http';
  return false; // next-auth falls back to http://localhost:3000
}

/** The session token from the request's cookies (chunked cookies joined in order), or null. */
export function sessionTokenFromCookies(cookies: Iterable<{ name: string; value: string }>, secure: boolean): string | null {
  const name = secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
  const chunks: Array<{ name: string; value: string }> = [];
  for (const cookie of cookies) if (cookie.name.startsWith(name)) chunks.push(cookie);
  if (chunks.length === 0) return null;
  const suffix = (cookieName: string) => parseInt(cookieName.split('.').pop() ?? '0');
  chunks.sort((a, b) => suffix(a.name) - suffix(b.name));
  const token = chunks.map((c) => c.value).join('');
  return token || null;
}

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** The user and session row the token names, or null when it is missing, forged, tampered with or expired. */
export async function decodeSessionToken(token: string | null, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, await sessionEncryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
    const { sub, sid } = payload as { sub?: unknown; sid?: unknown };
    if (typeof sub !== 'string' || !sub || typeof sid !== 'string' || !sid) return null;
    return { userId: sub, sessionId: sid };
  } catch {
    return null;
  }
}
