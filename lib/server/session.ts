import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findActiveSession, touchSession } from '@/db/queries/sessions';
import { workspacesRequiringTwoFactor } from '@/db/queries/two-factor';
import { findUserById } from '@/db/queries/users';
import { authOptions } from '@/lib/server/auth/options';
import type { CurrentUser } from '@/lib/domain/users';
import { unauthorized } from '@/lib/errors';

/**
 * The signed-in user, re-read from the database on every request: the cookie must name a session
 * row that is neither revoked nor expired (signing out, "sign out everywhere" and a password
 * change end it at once), and a deleted account loses its session too.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const db = getDb();
  const active = await findActiveSession(db, sessionId, id);
  if (!active) return null;
  const user = await findUserById(db, id);
  if (!user) return null;
  await touchSession(db, active.id, active.lastSeenAt);
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionId,
    mustChangePassword: user.mustChangePassword,
    twoFactorEnabled,
    twoFactorSetupRequired: !twoFactorEnabled && (await workspacesRequiringTwoFactor(db, user.id)).length > 0,
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
