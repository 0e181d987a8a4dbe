import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Shared steps of the invitation specs, through the same API the settings page uses. */

export async function workspaceIdOf(page: Page, slug: 'demo-desk' | 'other-desk'): Promise<string> {
  const response = await page.request.get('/api/workspaces');
  expect(response.status()).toBe(200);
  const { workspaces } = (await response.json()) as { workspaces: Array<{ id: string; slug: string }> };
  const found = workspaces.find((w) => w.slug === slug);
  if (!found) throw new Error(`${slug} is not among the caller's workspaces`);
  return found.id;
}

export interface InviteAnswer {
  status: number;
  body: { invitation: { id: string; email: string; role: string; expiresAt: string; delivery: string }; link?: string };
}

export async function invite(page: Page, workspaceId: string, email: string, role = 'reviewer', name = 'New Hire'): Promise<InviteAnswer> {
  const response = await page.request.post(`/api/workspaces/${workspaceId}/members`, { data: { email, name, role } });
  return { status: response.status(), body: (await response.json()) as InviteAnswer['body'] };
}

export const tokenOf = (link: string) => link.split('/invite/')[1]!;

/** Keys and value types, recursively: what an observer could tell two answers apart by. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  return typeof value;
}

/** Fills the "Create your account" form of an invitation page and submits it. */
export async function createAccountFromInvitation(page: Page, link: string, password: string, name?: string): Promise<void> {
  await page.goto(link);
  const form = page.getByRole('form', { name: 'Create your account' });
  if (name) await form.getByLabel('Your name').fill(name);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Confirm password').fill(password);
  await form.getByRole('button', { name: 'Create account and join' }).click();
}
