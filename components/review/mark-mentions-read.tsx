'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';
import type { CommentDto } from '@/lib/domain/review';

/** Fired on window when mentions were marked read in this tab; `detail.count` is how many. */
export const MENTIONS_READ_EVENT = 'claimdesk:mentions-read';

function announceRead(count: number) {
  if (count > 0) window.dispatchEvent(new CustomEvent<{ count: number }>(MENTIONS_READ_EVENT, { detail: { count } }));
}

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

/**
 * Opening a claim's discussion reads the mentions of me in it (the inbox links open it, and so
 * does the workbench): once the thread shows a live comment that mentions me, my unread mentions
 * in this claim are marked read. A mention that arrives while the thread is open is read too.
 */
export function useMarkClaimMentionsRead(claimId: string, comments: readonly CommentDto[] | null, userId: string) {
  // The comments that mention me, as one key: a new one makes the effect run again.
  const key = (comments ?? [])
    .filter((c) => !c.deleted && c.mentions.some((m) => m.userId === userId))
    .map((c) => c.id)
    .join(',');
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!key || marked.current === `${claimId}:${key}`) return;
    marked.current = `${claimId}:${key}`;
    void apiFetch<{ updated: number }>('/api/mentions', { method: 'PATCH', body: { claimId } }).then((result) => {
      if (result.ok) announceRead(result.data.updated);
      // Not marked (offline, signed out): the next open tries again.
      else marked.current = null;
    });
  }, [claimId, key]);
}

/**
 * The "My queue" count in the header. The header is rendered with the page that was loaded first
 * and stays while the workbench is used, so mentions read in this tab take themselves off here.
 */
export function QueueCount({ count }: { count: number }) {
  const [read, setRead] = useState(0);
  // A new count from the server already leaves out what was read.
  const [base, setBase] = useState(count);
  if (base !== count) {
    setBase(count);
    setRead(0);
  }
  useEffect(() => {
    const onRead = (event: Event) => {
      const n = (event as CustomEvent<{ count?: unknown }>).detail?.count;
      if (typeof n === 'number' && Number.isFinite(n) && n > 0) setRead((r) => r + n);
    };
    window.addEventListener(MENTIONS_READ_EVENT, onRead);
    return () => window.removeEventListener(MENTIONS_READ_EVENT, onRead);
  }, []);
  const shown = Math.max(0, count - read);
  if (shown === 0) return null;
  return (
    <span className="rounded-full bg-[var(--color-accent)] px-1.5 text-xs font-semibold text-white" data-testid="queue-count">
      {shown}
    </span>
  );
}
