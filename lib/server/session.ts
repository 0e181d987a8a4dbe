import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findActiveSessionUser, touchSession } from '@/db/queries/sessions';
import { authOptions } from '@/lib/server/auth/options';
import { decodeSessionToken, sessionTokenFromCookies, usesSecureCookie, type SessionClaims } from '@/lib/server/auth/session-token';
import type { CurrentUser } from '@/lib/domain/users';
import { unauthorized } from '@/lib/errors';

/**
 * Who the session cookie names: decoded directly (lib/server/auth/session-token.ts), the way
 * next-auth's getServerSession() would, without its per-request cost. Without a secret in the
 * environment it falls back to getServerSession(), which reports the misconfiguration itself.
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) {
    const session = await getServerSession(authOptions);
    const userId = session?.user?.id;
    const sessionId = session?.sessionId;
    return userId && sessionId ? { userId, sessionId } : null;
  }
  const forwardedProto = process.env.NEXTAUTH_URL ? null : (await headers()).get('x-forwarded-proto');
  const token = sessionTokenFromCookies((await cookies()).getAll(), usesSecureCookie(process.env, forwardedProto));
  return decodeSessionToken(token, secret);
}

/**
 * The signed-in user, re-read from the database on every request: the cookie must name a session
 * row that is neither revoked nor expired (signing out, "sign out everywhere" and a password
 * change end it at once), and a deleted account loses its session too. Nothing here is cached
 * between requests: the session row and the user are one query each time.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const claims = await sessionClaims();
  if (!claims) return null;
  return currentUserFor(getDb(), claims);
}

/** The CurrentUser for decoded session claims, or null when the session row is not active or the user is gone. */
export async function currentUserFor(db: ReturnType<typeof getDb>, { userId, sessionId }: SessionClaims, now = new Date()): Promise<CurrentUser | null> {
  const active = await findActiveSessionUser(db, sessionId, userId, now);
  if (!active) return null;
  const { user } = active;
  await touchSession(db, sessionId, active.lastSeenAt, now);
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionId,
    mustChangePassword: user.mustChangePassword,
    twoFactorEnabled,
    twoFactorSetupRequired: !twoFactorEnabled && active.inTwoFactorWorkspace,
  };
}

/** For pages: redirect to sign-in when signed out. */
export async function requireUser(callbackUrl?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in');
  return user;
}

/** For route handlers: a 401 when signed out. */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return user;
}
