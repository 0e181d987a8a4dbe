'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';

/** "Done" on a review-session task in My queue: marks the action item done, then the list reloads without it. */
export function SessionTaskDone({ sessionId, actionId, version, label }: { sessionId: string; actionId: string; version: number; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={`Mark done: ${label}`}
        data-testid="queue-session-task-done"
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await apiFetch(`/api/review-sessions/${sessionId}/actions/${actionId}`, { method: 'PATCH', body: { done: true, version } });
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(result.error.message);
        }}
      >
        Done
      </Button>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
