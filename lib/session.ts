import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findUserById } from '@/db/queries/users';
import { authOptions } from '@/lib/auth/options';
import { unauthorized } from '@/lib/errors';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  /** Signed in with a one-time password: must choose a new one before working. */
  mustChangePassword: boolean;
}

/** The signed-in user, re-read from the database (a deleted account loses its session at once). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = findUserById(getDb(), id);
  return user ? { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword } : null;
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
