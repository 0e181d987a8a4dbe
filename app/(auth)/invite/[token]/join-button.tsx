'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

export function JoinButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function join() {
    setPending(true);
    setError(null);
    const result = await apiFetch('/api/invitations/accept', { method: 'POST', body: { token } });
    if (!result.ok) {
      setPending(false);
      return setError(result.error.message);
    }
    router.push('/articles');
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button onClick={() => void join()} disabled={pending}>
        {pending ? 'Joining…' : label}
      </Button>
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}
