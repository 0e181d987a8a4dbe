'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/api/client';

export interface WorkspaceTwoFactorToggleProps {
  workspaceId: string;
  required: boolean;
  /** Owners must have two-factor on themselves before they can require it. */
  ownerHasTwoFactor: boolean;
}

/** Workspace settings: require two-factor sign-in of every member. */
export function WorkspaceTwoFactorToggle({ workspaceId, required: initial, ownerHasTwoFactor }: WorkspaceTwoFactorToggleProps) {
  const router = useRouter();
  const [required, setRequired] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function change(next: boolean) {
    setPending(true);
    setMessage(null);
    const result = await apiFetch<{ requireTwoFactor: boolean }>(`/api/workspaces/${workspaceId}/two-factor`, { method: 'PUT', body: { required: next } });
    setPending(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setRequired(result.data.requireTwoFactor);
    setMessage({ tone: 'ok', text: result.data.requireTwoFactor ? 'Two-factor sign-in is now required. Members without it can only set it up until they do.' : 'Two-factor sign-in is no longer required.' });
    router.refresh();
  }

  const blocked = !ownerHasTwoFactor && !required;
  return (
    <section aria-labelledby="workspace-two-factor-heading" className="rounded-xl border border-[var(--color-line)] bg-white p-6">
      <h2 id="workspace-two-factor-heading" className="text-lg font-semibold">
        Two-factor sign-in
      </h2>
      <label className="mt-4 flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={required} disabled={pending || blocked} onChange={(e) => void change(e.target.checked)} />
        <span>
          <span className="font-medium">Require two-factor sign-in for every member</span>
          <span className="block text-[var(--color-muted)]">Members without it can reach only their account page, to set it up.</span>
        </span>
      </label>
      {blocked && (
        <p className="mt-2 text-sm text-[var(--color-muted)]">
          Turn it on for your own account first, on{' '}
          <Link href="/account" className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
            Your account
          </Link>
          .
        </p>
      )}
      <p role="status" className={`mt-2 min-h-5 text-sm ${message?.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
        {message?.text}
      </p>
    </section>
  );
}
