'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

export function ConfirmEmailButton({ token }: { token: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'pending' } | { kind: 'done'; email: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function confirm() {
    setState({ kind: 'pending' });
    const result = await apiFetch<{ email: string }>('/api/account/verify-email/confirm', { method: 'POST', body: { token } });
    setState(result.ok ? { kind: 'done', email: result.data.email } : { kind: 'error', message: result.error.message });
  }

  if (state.kind === 'done') {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium text-emerald-800">Email verified: {state.email}.</p>
        <p>
          <Link href="/account" className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            Continue
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <Button onClick={() => void confirm()} disabled={state.kind === 'pending'}>
        Confirm my email address
      </Button>
      <p role="alert" className="text-red-700 empty:hidden">
        {state.kind === 'error' ? state.message : null}
      </p>
    </div>
  );
}
