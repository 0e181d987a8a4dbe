'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';

export interface DeleteLibraryItemButtonProps {
  workspaceId: string;
  itemId: string;
  version: number;
  claim: string;
}

/** Removes one library item after a confirmation (editors and owners). */
export function DeleteLibraryItemButton({ workspaceId, itemId, version, claim }: DeleteLibraryItemButtonProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm(`Remove this fact-check from the library?\n\n“${claim.slice(0, 200)}”`)) return;
    setBusy(true);
    const result = await apiFetch(`/api/workspaces/${workspaceId}/library/${itemId}`, { method: 'DELETE', body: { version } });
    setBusy(false);
    if (!result.ok) return notifyError(result.error.message);
    notifySuccess('Removed from the claim library.');
    router.refresh();
  }
  return (
    <Button variant="ghost" size="sm" onClick={remove} disabled={busy} aria-label={`Remove “${claim.slice(0, 60)}” from the library`}>
      Remove
    </Button>
  );
}
