'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import type { PublicationEntryDto } from '@/lib/domain/publishing';
import { ModalDialog } from './modal-dialog';
import { PUBLICATION_KIND_LABELS, blockerLabel, publicationEntryDetails } from './publication-view';
import { usePublication } from './queries';

/** Each publication step, newest first: what happened, who, when, and the note, reason or override. */
export function PublicationLog({ log }: { log: readonly PublicationEntryDto[] }) {
  const entries = [...log].sort((a, b) => b.sequence - a.sequence);
  return (
    <ol className="mt-2 space-y-3" data-testid="publication-log">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-[var(--color-line)] p-3 text-sm" data-testid="publication-log-entry">
          <p>
            <span className="font-semibold">{PUBLICATION_KIND_LABELS[entry.kind]}</span>
            <span className="text-[var(--color-muted)]">
              {' '}
              by {entry.actorName ?? 'a former member'} · <LocalTime iso={entry.createdAt} style="medium" />
            </span>
          </p>
          {publicationEntryDetails(entry).map((line) => (
            <p key={line} className="mt-1 whitespace-pre-wrap text-gray-800" dir="auto">
              {line}
            </p>
          ))}
          {entry.overriddenBlockers.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs text-[var(--color-muted)]">
              {entry.overriddenBlockers.map((b, i) => (
                <li key={`${b.kind}-${b.claimId ?? i}`}>{blockerLabel(b)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Publication history" on the article header, once there is any: the log in a dialog. */
export function PublicationHistoryButton() {
  const log = usePublication().data?.log ?? [];
  const [open, setOpen] = useState(false);
  if (log.length === 0) return null;
  return (
    <>
      <Button variant="ghost" size="sm" className="h-7 text-xs" onClick={() => setOpen(true)} data-testid="publication-history-button">
        Publication history ({log.length})
      </Button>
      {open && (
        <ModalDialog title="Publication history" onClose={() => setOpen(false)} testId="publication-history">
          <PublicationLog log={log} />
          <div className="mt-6 text-right">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
