import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { myQueue } from '@/db/queries/assignments';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { QueueCount } from '@/components/review/mark-mentions-read';
import { HeaderSearch } from '@/components/search/header-search';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import { requireUser } from '@/lib/server/session';

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // Accounts created with a one-time password choose their own before anything else.
  const onAccountPage = (await headers()).get('x-claimdesk-path') === '/account';
  if (user.mustChangePassword && !onAccountPage) redirect('/account');
  // A workspace requires two-factor sign-in and this account has none: set it up first (the API refuses everything else too).
  if (user.twoFactorSetupRequired && !onAccountPage) redirect('/account?twoFactor=required');
  const memberships = await listWorkspacesForUser(getDb(), user.id);
  const isOwner = memberships.some((m) => m.role === 'owner');
  const queue = await myQueue(getDb(), user.id);
  const queueCount = queue.claims.length + queue.mentions.length;
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-[var(--color-line)] bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-6 px-4">
          <Link href="/articles" className="text-lg font-semibold tracking-tight">
            Claim<span className="text-[var(--color-accent)]">desk</span>
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            <Link href="/articles" className="rounded px-2 py-1 hover:bg-gray-100">
              Articles
            </Link>
            <Link href="/queue" className="inline-flex items-center gap-1.5 rounded px-2 py-1 hover:bg-gray-100">
              My queue
              <QueueCount count={queueCount} />
            </Link>
            <Link href="/library" className="rounded px-2 py-1 hover:bg-gray-100">
              Claim library
            </Link>
            {isOwner && (
              <Link href="/settings" className="rounded px-2 py-1 hover:bg-gray-100">
                Workspace settings
              </Link>
            )}
          </nav>
          <HeaderSearch />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <ShortcutsHelp />
            <Link href="/account" className="hidden rounded px-1 text-right hover:bg-gray-100 sm:block" data-testid="current-user">
              <span className="block font-medium leading-tight">{user.name}</span>
              <span className="block text-xs leading-tight text-[var(--color-muted)]">
                {memberships.map((m) => `${m.role} · ${m.name}`).join(', ')}
              </span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div id="main" className="flex-1">
        {children}
      </div>
    </div>
  );
}
