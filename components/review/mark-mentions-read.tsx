'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

export function MarkMentionsRead() {
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        const result = await apiFetch('/api/mentions', { method: 'PATCH', body: {} });
        if (result.ok) router.refresh();
      }}
    >
      Mark all read
    </Button>
  );
}
