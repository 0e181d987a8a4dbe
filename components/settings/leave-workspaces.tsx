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
  // The refusal (e.g. "You are the only owner…") shows next to the Leave button that caused it.
  const [error, setError] = useState<{ workspaceId: string; message: string } | null>(null);

  async function leave(workspace: MyWorkspace) {
    const last = workspaces.length === 1 ? ' It is your only workspace: you will be signed out everywhere.' : '';
    if (!window.confirm(`Leave ${workspace.name}? You lose access at once.${last}`)) return;
    setError(null);
    const result = await apiFetch<{ signedOut: boolean }>(`/api/workspaces/${workspace.id}/leave`, { method: 'POST' });
    if (!result.ok) return setError({ workspaceId: workspace.id, message: result.error.message });
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
            <li key={w.id} className="py-2" data-testid="my-workspace">
              <div className="flex items-center justify-between gap-3">
                <span>
                  <span className="font-medium">{w.name}</span> <span className="text-[var(--color-muted)]">· {ROLE_LABELS[w.role]}</span>
                </span>
                <Button variant="danger" size="sm" onClick={() => void leave(w)} aria-label={`Leave ${w.name}`} aria-describedby={`leave-error-${w.id}`}>
                  Leave
                </Button>
              </div>
              {/* Always present (empty when fine) so the live region exists before its text and is announced. */}
              <p id={`leave-error-${w.id}`} role="alert" className="mt-1 text-right text-red-700 empty:hidden" data-testid="leave-error">
                {error?.workspaceId === w.id ? error.message : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
