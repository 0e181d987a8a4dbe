'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifyError } from '@/components/ui/notify';
import type { SourceDto } from '@/components/workbench/types';
import { apiFetch } from '@/lib/api/client';
import type { SourceArchiveDto } from '@/lib/domain/claims';

/** While a copy is being taken, ask how it went this often (live events usually say it first). */
const POLL_MS = 3_000;

const takenAtFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^/]/i.test(url.trim());
}

/**
 * The archived copy of a source's page (taken when the source was attached, lib/server/archive):
 * "Archiving…", "Archived copy, taken at … — PDF · Readable text · Page", or why it failed with
 * "Try again". `onArchive` puts a newer state of the copy into the claim cache.
 */
export function SourceArchive({ source, canArchive, onArchive }: { source: SourceDto; canArchive: boolean; onArchive: (archive: SourceArchiveDto | null) => void }) {
  const archive = source.archive ?? null;
  const [busy, setBusy] = useState(false);
  const pending = archive?.status === 'pending';
  // The latest callback, without restarting the polling each time the parent renders.
  const onArchiveRef = useRef(onArchive);
  useEffect(() => {
    onArchiveRef.current = onArchive;
  });

  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    const timer = setInterval(() => {
      void apiFetch<{ archive: SourceArchiveDto | null }>(`/api/sources/${source.id}/archive`).then((result) => {
        if (!stopped && result.ok && result.data.archive && result.data.archive.status !== 'pending') onArchiveRef.current(result.data.archive);
      });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pending, source.id]);

  async function takeCopy() {
    setBusy(true);
    const result = await apiFetch<{ archive: SourceArchiveDto | null }>(`/api/sources/${source.id}/archive`, { method: 'POST' });
    setBusy(false);
    if (!result.ok) {
      notifyError(result.error.message);
      return;
    }
    onArchive(result.data.archive);
  }

  if (!isWebAddress(source.url)) return null;
  const view = (as: 'pdf' | 'text' | 'page') => `/api/sources/${source.id}/archive/view?as=${as}`;
  const linkClass = 'text-[var(--color-accent)] underline underline-offset-2';

  return (
    <div className="mt-1 text-xs" data-testid="source-archive" data-status={archive?.status ?? 'none'} aria-live="polite">
      {!archive && canArchive && (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => void takeCopy()}>
          Take an archived copy
        </Button>
      )}
      {archive?.status === 'pending' && <p className="text-[var(--color-muted)]">Archiving…</p>}
      {archive?.status === 'done' && (
        <p className="text-[var(--color-muted)]">
          <span>Archived copy, taken at {archive.takenAt ? takenAtFormat.format(new Date(archive.takenAt)) : 'an unknown time'}</span>
          {' — '}
          {archive.hasPdf && (
            <a href={view('pdf')} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="archive-pdf">
              PDF
            </a>
          )}
          {archive.hasPdf && archive.hasText && ' · '}
          {archive.hasText && (
            <a href={view('text')} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="archive-text">
              Readable text
            </a>
          )}
          {archive.hasText && ' · '}
          {archive.hasText && (
            <a href={view('page')} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="archive-page">
              Page as fetched
            </a>
          )}
          {canArchive && (
            <>
              {' · '}
              <button type="button" className={linkClass} disabled={busy} onClick={() => void takeCopy()}>
                Take a new copy
              </button>
            </>
          )}
        </p>
      )}
      {archive?.status === 'failed' && (
        <p className="text-red-800" data-testid="archive-error">
          <span dir="auto">Could not archive: {archive.error ?? 'unknown reason.'}</span>
          {canArchive && (
            <>
              {' '}
              <button type="button" className={linkClass} disabled={busy} onClick={() => void takeCopy()}>
                Try again
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
