'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

/** Mails the signed-in account a verification link; says where it went or why it could not. */
export function SendVerificationButton() {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    setPending(true);
    const result = await apiFetch<{ sentTo?: string; alreadyVerified?: boolean }>('/api/account/verify-email', { method: 'POST' });
    setPending(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setMessage(result.data.alreadyVerified ? { tone: 'ok', text: 'Your address is already verified. Reload the page.' } : { tone: 'ok', text: `We sent a link to ${result.data.sentTo}. It works once, for 24 hours.` });
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => void send()} disabled={pending}>
        {pending ? 'Sending…' : 'Send verification email'}
      </Button>
      <p role="status" className={`empty:hidden ${message?.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
        {message?.text}
      </p>
    </div>
  );
}
