'use client';

import { useState } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Button } from '@/components/ui/button';
import { FORMAT_INFO, exportMenuEntries, type ExportMenuEntry } from '@/lib/export/formats';
import { useArticleMeta } from './queries';

// Object URLs are revoked later, not right after the click: some browsers read them asynchronously.
const REVOKE_AFTER_MS = 60_000;

/**
 * The article's Export menu (Radix DropdownMenu: keyboard, focus return and typeahead). Reports are
 * fetched rather than linked so an error (JSON) is shown here instead of being saved as the file,
 * and so PDF rendering can show progress. ClaimReview needs the article published: until then its
 * item says so and "ClaimReview (draft)" exports draft markup instead (lib/export/formats.ts).
 */
export function ExportMenu({ articleId }: { articleId: string }) {
  const status = useArticleMeta().status;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportMenuEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (entry: ExportMenuEntry) => {
    const { format } = entry;
    setBusy(entry);
    setError(null);
    try {
      const query = new URLSearchParams({ format, ...(entry.draft ? { draft: '1' } : {}) });
      const response = await fetch(`/api/articles/${encodeURIComponent(articleId)}/export?${query.toString()}`, { credentials: 'same-origin' });
      if (!response.ok) {
        setError(await errorMessage(response));
        return;
      }
      const blob = await response.blob();
      saveBlob(blob, fileNameFrom(response.headers.get('Content-Disposition')) ?? `claimdesk-report.${FORMAT_INFO[format].extension}`);
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="relative flex items-center gap-2">
      <div role="status" aria-live="polite" className="flex items-center gap-1.5 text-xs text-[var(--color-muted)]">
        {busy && (
          <>
            <Spinner />
            <span>{busy.format === 'pdf' ? 'Rendering PDF…' : `Preparing ${busy.label}…`}</span>
          </>
        )}
      </div>
      {/* Not modal: the page stays readable (no aria-hidden siblings) and a click elsewhere just closes it. */}
      <DropdownMenu.Root open={open} onOpenChange={(next) => setOpen(next && busy === null)} modal={false}>
        <DropdownMenu.Trigger asChild>
          {/* aria-disabled rather than disabled while busy: the trigger keeps focus during a download. */}
          <Button variant="secondary" size="sm" aria-disabled={busy ? true : undefined} className={busy ? 'cursor-progress opacity-60' : ''}>
            Export
            <svg aria-hidden viewBox="0 0 12 12" className="h-3 w-3">
              <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            loop
            className="z-30 w-64 rounded-lg border border-[var(--color-line)] bg-white py-1 shadow-lg"
            // The workbench listens for single-key shortcuts (j, k, Esc) on the window; keys typed in the menu are the menu's.
            onKeyDown={(event) => event.stopPropagation()}
          >
            {exportMenuEntries(status).map((entry) => (
              <DropdownMenu.Item
                key={entry.key}
                textValue={entry.label}
                disabled={entry.unavailable !== null}
                data-testid={`export-${entry.key}`}
                className="flex w-full cursor-default items-center justify-between gap-3 px-3 py-1.5 text-left text-sm outline-none select-none data-[disabled]:text-gray-500 data-[highlighted]:bg-gray-100"
                onSelect={() => void download(entry)}
              >
                <span>
                  {entry.label}
                  {entry.unavailable && <span className="block text-xs text-[var(--color-muted)]">{`Not available: ${entry.unavailable}`}</span>}
                  {entry.draft && <span className="block text-xs text-[var(--color-muted)]">Marked as a draft, without a publication date</span>}
                </span>
                <span aria-hidden className="font-mono text-xs text-[var(--color-muted)]">
                  .{FORMAT_INFO[entry.format].extension}
                </span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <div role="alert" className="absolute top-full right-0 z-20 mt-1 w-80 empty:hidden">
        {error && (
          <div data-testid="export-error" className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 shadow-md">
            <span className="min-w-0 flex-1">Export failed: {error}</span>
            <button type="button" className="shrink-0 rounded px-1 text-red-700 hover:bg-red-100" aria-label="Dismiss export error" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function Spinner() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4 animate-spin text-[var(--color-accent)] motion-reduce:animate-none">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
      <path d="M14 8a6 6 0 0 0-6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The server's JSON error message, or a generic one for anything else (e.g. a proxy's HTML page). */
async function errorMessage(response: Response): Promise<string> {
  const payload: unknown = await response.json().catch(() => null);
  const message = (payload as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : `The server answered ${response.status}.`;
}

/** `attachment; filename="x.pdf"` → x.pdf (the server only sends plain ASCII names). */
function fileNameFrom(disposition: string | null): string | null {
  return disposition ? (/filename="([^"]+)"/.exec(disposition)?.[1] ?? null) : null;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
