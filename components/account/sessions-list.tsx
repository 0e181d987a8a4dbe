'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

export interface SessionRow {
  id: string;
  /** "Chrome on Linux" */
  browser: string;
  ip: string | null;
  /** Already formatted on the server (no time-zone mismatch while hydrating). */
  lastSeen: string;
  signedIn: string;
  current: boolean;
}

/** The account's signed-in browsers, each with its own "Sign out", and "Sign out everywhere". */
export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function end(url: string, busyKey: string, endsThisBrowser: boolean) {
    setBusy(busyKey);
    setMessage(null);
    const result = await apiFetch(url, { method: 'DELETE' });
    if (!result.ok) {
      setBusy(null);
      setMessage(result.error.message);
      return;
    }
    // This browser's session is gone on the server: clear the cookie and go to sign-in.
    if (endsThisBrowser) return void signOut({ callbackUrl: '/sign-in' });
    setBusy(null);
    setMessage('Signed out.');
    router.refresh();
  }

  return (
    <section aria-labelledby="sessions-heading" className="mt-6 rounded-xl border border-[var(--color-line)] bg-white p-6">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Where you are signed in
      </h2>
      <p className="mt-1 text-sm text-[var(--color-muted)]">Sign out a browser you no longer use or do not recognise. Changing your password signs out all the others.</p>
      <ul className="mt-4 divide-y divide-[var(--color-line)]" aria-label="Active sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center gap-3 py-3" data-testid="session-row" data-session-id={s.id} data-current={s.current ? 'true' : undefined}>
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium">
                {s.browser}
                {s.current && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">This browser</span>}
              </p>
              <p className="text-xs text-[var(--color-muted)]">
                {s.ip ?? 'Unknown address'} · last active {s.lastSeen} · signed in {s.signedIn}
              </p>
            </div>
            <Button variant="secondary" size="sm" disabled={busy !== null} onClick={() => void end(`/api/account/sessions/${s.id}`, s.id, s.current)} aria-label={`Sign out ${s.browser}${s.current ? ' (this browser)' : ''}, last active ${s.lastSeen}`}>
              {busy === s.id ? 'Signing out…' : 'Sign out'}
            </Button>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex items-center gap-3">
        <Button variant="danger" disabled={busy !== null} onClick={() => void end('/api/account/sessions', 'all', true)}>
          {busy === 'all' ? 'Signing out…' : 'Sign out everywhere'}
        </Button>
        <p role="status" className="text-sm text-[var(--color-muted)]">
          {message}
        </p>
      </div>
    </section>
  );
}
