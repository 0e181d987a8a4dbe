import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { TOTP, Secret } from 'otpauth';
import { openDb, type Db } from '../db/client';
import { memberships, users, workspaces } from '../db/schema';
import { createDefaultScale } from '../db/queries/scales';
import { transaction } from '../db/transaction';
import { hashPassword } from '../lib/auth/password';
import { workerDatabaseFile } from './worker-env';

/**
 * Throwaway accounts for the session and two-factor specs, written straight into the e2e
 * database (the app has no self-service sign-up), so demo users never end up with two-factor
 * on, a changed password or ended sessions that other specs rely on.
 */

export const THROWAWAY_PASSWORD = 'throwaway-password-42';

let db: Db | undefined;
function e2eDb(): Db {
  // This worker's own database (the appServer fixture created it before any test ran).
  db ??= openDb({ dialect: 'sqlite', file: workerDatabaseFile() });
  return db;
}

export interface Throwaway {
  id: string;
  email: string;
  name: string;
}

export async function createThrowawayUser(label: string): Promise<Throwaway> {
  const tag = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = `${tag}@throwaway.test`;
  const name = `Test ${label}`;
  const passwordHash = await hashPassword(THROWAWAY_PASSWORD);
  const [row] = await transaction(e2eDb(), (tx) => tx.insert(users).values({ email, name, passwordHash, emailVerifiedAt: new Date() }).returning({ id: users.id }));
  return { id: row!.id, email, name };
}

/** A fresh workspace (with the default rating scale) and its members. */
export async function createThrowawayWorkspace(members: Array<{ user: Throwaway; role: 'owner' | 'editor' | 'reviewer' | 'viewer' }>): Promise<{ id: string; name: string }> {
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const name = `Desk ${slug}`;
  return transaction(e2eDb(), async (tx) => {
    const [row] = await tx.insert(workspaces).values({ slug, name, organizationName: name }).returning({ id: workspaces.id });
    const id = row!.id;
    await createDefaultScale(tx, id);
    for (const m of members) await tx.insert(memberships).values({ workspaceId: id, userId: m.user.id, role: m.role });
    return { id, name };
  });
}

export async function signInAs(page: Page, user: Throwaway, password = THROWAWAY_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A signed-in page in its own browser context (its own cookie, its own session row). */
export async function browserAs(browser: Browser, user: Throwaway, options: { userAgent?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: options.userAgent });
  const page = await context.newPage();
  await signInAs(page, user);
  return { context, page };
}

/** Status of an API call that needs a session. */
export async function apiStatus(request: APIRequestContext, path = '/api/workspaces'): Promise<number> {
  return (await request.get(path, { failOnStatusCode: false })).status();
}

/** The code an authenticator app would show at `at` for the manual key shown on the setup screen. */
export function codeFor(manualKey: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
}
