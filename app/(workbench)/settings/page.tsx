import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getDb } from '@/db';
import { listPendingInvitations } from '@/db/queries/invitations';
import { getScale } from '@/db/queries/scales';
import { getWorkspace, listMembers, listWorkspacesForUser } from '@/db/queries/workspaces';
import { MembersManager } from '@/components/settings/members-manager';
import { toInvitationJson } from '@/components/settings/invitation-types';
import { ScaleEditor } from '@/components/settings/scale-editor';
import { CheckWorthinessSettings } from '@/components/suggestions/check-worthiness-settings';
import { WorkspaceSettingsForm } from '@/components/settings/workspace-settings-form';
import { WorkspaceTwoFactorToggle } from '@/components/auth/workspace-two-factor-toggle';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Workspace settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ workspace?: string }> }) {
  const user = await requireUser('/settings');
  const db = getDb();
  const owned = (await listWorkspacesForUser(db, user.id)).filter((w) => w.role === 'owner');
  const { workspace: requested } = await searchParams;
  const current = owned.find((w) => w.id === requested) ?? owned[0];
  if (!current) notFound();
  const workspace = await getWorkspace(db, current.id);
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Workspace settings</h1>
        <p className="mt-1 text-sm text-[var(--color-muted)]">{workspace.name}</p>
        <Link href={`/settings/security?workspace=${workspace.id}`} className="mt-2 inline-block text-sm font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
          Security log
        </Link>
      </div>
      <WorkspaceSettingsForm
        workspace={{ id: workspace.id, version: workspace.version, name: workspace.name, organizationName: workspace.organizationName, organizationUrl: workspace.organizationUrl, factCheckUrlPattern: workspace.factCheckUrlPattern }}
      />
      <MembersManager workspaceId={workspace.id} currentUserId={user.id} initialMembers={await listMembers(db, workspace.id)} initialInvitations={(await listPendingInvitations(db, workspace.id)).map(toInvitationJson)} />
      <WorkspaceTwoFactorToggle workspaceId={workspace.id} required={workspace.requireTwoFactor} ownerHasTwoFactor={user.twoFactorEnabled} />
      <ScaleEditor workspaceId={workspace.id} initialScale={await getScale(db, workspace.id)} />
      <CheckWorthinessSettings workspaceId={workspace.id} />
    </main>
  );
}
