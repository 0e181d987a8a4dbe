'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/domain/roles';
import { apiFetch } from '@/lib/api/client';
import { ROLE_LABELS } from '@/lib/auth/permissions';

export interface MyWorkspace {
  id: string;
  name: string;
  role: Role;
}

/** The caller's workspaces, each with "Leave" (the last owner is refused by the server with a reason). */
export function LeaveWorkspaces({ workspaces }: { workspaces: MyWorkspace[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function leave(workspace: MyWorkspace) {
    const last = workspaces.length === 1 ? ' It is your only workspace: you will be signed out everywhere.' : '';
    if (!window.confirm(`Leave ${workspace.name}? You lose access at once.${last}`)) return;
    setError(null);
    const result = await apiFetch<{ signedOut: boolean }>(`/api/workspaces/${workspace.id}/leave`, { method: 'POST' });
    if (!result.ok) return setError(result.error.message);
    if (result.data.signedOut) return void signOut({ callbackUrl: '/sign-in' });
    router.refresh();
  }

  return (
    <section aria-label="Your workspaces" className="mt-6 space-y-3 rounded-xl border border-[var(--color-line)] bg-white p-6 text-sm">
      <h2 className="text-base font-semibold">Your workspaces</h2>
      {workspaces.length === 0 ? (
        <p className="text-[var(--color-muted)]">You are not a member of any workspace.</p>
      ) : (
        <ul className="divide-y divide-[var(--color-line)]">
          {workspaces.map((w) => (
            <li key={w.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium">{w.name}</span> <span className="text-[var(--color-muted)]">· {ROLE_LABELS[w.role]}</span>
              </span>
              <Button variant="danger" size="sm" onClick={() => void leave(w)} aria-label={`Leave ${w.name}`}>
                Leave
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
    </section>
  );
}
