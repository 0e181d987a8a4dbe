import { encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createSession, revokeSession, revokeUserSessions } from '@/db/queries/sessions';
import { users } from '@/db/schema';
import { createTestDb } from '@/db/test-db';
import { transaction } from '@/db/transaction';

const jar = vi.hoisted(() => ({ cookies: [] as Array<{ name: string; value: string }>, db: null as unknown }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => jar.cookies }),
  headers: async () => new Headers(),
}));
vi.mock('@/db', () => ({ getDb: () => jar.db }));

const { getCurrentUser } = await import('./session');

const SECRET = 'session-test-secret-session-test-secret';
let db: Db;

beforeEach(async () => {
  db = await createTestDb();
  jar.db = db;
  jar.cookies = [];
  vi.stubEnv('NEXTAUTH_SECRET', SECRET);
  vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
});

async function signedIn() {
  const [alice] = await transaction(db, async (tx) => tx.insert(users).values({ email: 'alice@example.org', name: 'Alice', passwordHash: 'x' }).returning());
  const session = await createSession(db, alice!.id, null);
  const token = await encode({ token: { sub: alice!.id, sid: session.id }, secret: SECRET, maxAge: 3600 });
  jar.cookies = [{ name: 'next-auth.session-token', value: token }];
  return { alice: alice!, session };
}

describe('getCurrentUser', () => {
  it('answers the user the session cookie names while its session row is active', async () => {
    const { alice, session } = await signedIn();
    expect(await getCurrentUser()).toEqual({ id: alice.id, email: 'alice@example.org', name: 'Alice', sessionId: session.id, mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false });
  });

  it('refuses a revoked session at once (the row is read on every request, nothing cached)', async () => {
    const { alice, session } = await signedIn();
    expect(await getCurrentUser()).not.toBeNull();
    expect(await revokeSession(db, session.id, alice.id)).toBe(true);
    expect(await getCurrentUser()).toBeNull();
  });

  it('refuses after "sign out everywhere"', async () => {
    const { alice } = await signedIn();
    await revokeUserSessions(db, alice.id);
    expect(await getCurrentUser()).toBeNull();
  });

  it('refuses no cookie, a cookie for another secret, the __Secure- name on http, and a token naming someone else', async () => {
    expect(await getCurrentUser()).toBeNull();
    const { alice, session } = await signedIn();
    const good = jar.cookies[0]!.value;
    jar.cookies = [{ name: 'next-auth.session-token', value: await encode({ token: { sub: alice.id, sid: session.id }, secret: 'some-other-secret-some-other', maxAge: 3600 }) }];
    expect(await getCurrentUser()).toBeNull();
    jar.cookies = [{ name: '__Secure-next-auth.session-token', value: good }];
    expect(await getCurrentUser()).toBeNull();
    jar.cookies = [{ name: 'next-auth.session-token', value: await encode({ token: { sub: 'someone-else', sid: session.id }, secret: SECRET, maxAge: 3600 }) }];
    expect(await getCurrentUser()).toBeNull();
    jar.cookies = [{ name: 'next-auth.session-token', value: good }];
    expect((await getCurrentUser())?.id).toBe(alice.id);
  });

  it('flags two-factor setup when a workspace of theirs requires it and they have none', async () => {
    const { alice } = await signedIn();
    const { eq } = await import('drizzle-orm');
    const { memberships, workspaces } = await import('@/db/schema');
    await transaction(db, async (tx) => {
      const [ws] = await tx.insert(workspaces).values({ name: 'Strict', slug: 'strict', organizationName: 'Org', requireTwoFactor: true }).returning();
      await tx.insert(memberships).values({ workspaceId: ws!.id, userId: alice.id, role: 'reviewer' });
    });
    expect((await getCurrentUser())?.twoFactorSetupRequired).toBe(true);
    await transaction(db, async (tx) => {
      await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, alice.id));
    });
    expect(await getCurrentUser()).toMatchObject({ twoFactorEnabled: true, twoFactorSetupRequired: false });
  });

  it('refuses a deleted account', async () => {
    const { alice } = await signedIn();
    await transaction(db, async (tx) => {
      await tx.delete(users).where((await import('drizzle-orm')).eq(users.id, alice.id));
    });
    expect(await getCurrentUser()).toBeNull();
  });
});
