'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '@/lib/export/formats';

// Object URLs are revoked later, not right after the click: some browsers read them asynchronously.
const REVOKE_AFTER_MS = 60_000;

/**
 * The article's Export menu (WAI-ARIA menu button). Reports are fetched rather than linked so an
 * error (JSON) is shown here instead of being saved as the file, and so PDF rendering can show progress.
 */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();
  const triggerId = useId();

  const focusItem = (index: number) => {
    const count = EXPORT_FORMATS.length;
    itemRefs.current[(index + count) % count]?.focus();
  };

  const openMenu = (focusIndex: number) => {
    if (busy) return;
    setOpen(true);
    // The menu renders on this state change; focus its item once it exists.
    requestAnimationFrame(() => focusItem(focusIndex));
  };

  const closeMenu = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }, []);

  // A click anywhere else closes the menu, as with a native menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) closeMenu(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, closeMenu]);

  const download = async (format: ExportFormat) => {
    closeMenu(true);
    setBusy(format);
    setError(null);
    try {
      const response = await fetch(`/api/articles/${encodeURIComponent(articleId)}/export?format=${format}`, { credentials: 'same-origin' });
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

  const onTriggerKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
    } else if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(EXPORT_FORMATS.length - 1);
    }
  };

  const onMenuKeyDown = (event: React.KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: EXPORT_FORMATS.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Keep the workbench's own Escape (deselect claim) from firing too.
      event.stopPropagation();
      closeMenu(true);
    } else if (event.key === 'Tab') {
      closeMenu(false);
    }
  };

  return (
    <div ref={rootRef} className="relative flex items-center gap-2">
      <div role="status" aria-live="polite" className="flex items-center gap-1.5 text-xs text-[var(--color-muted)]">
        {busy && (
          <>
            <Spinner />
            <span>{busy === 'pdf' ? 'Rendering PDF…' : `Preparing ${FORMAT_INFO[busy].label}…`}</span>
          </>
        )}
      </div>
      <Button
        ref={triggerRef}
        id={triggerId}
        variant="secondary"
        size="sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={busy ? true : undefined}
        className={busy ? 'cursor-progress opacity-60' : ''}
        onClick={() => (open ? closeMenu(false) : openMenu(0))}
        onKeyDown={onTriggerKeyDown}
      >
        Export
        <svg aria-hidden viewBox="0 0 12 12" className="h-3 w-3">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Button>
      {open && (
        <ul
          id={menuId}
          role="menu"
          aria-labelledby={triggerId}
          className="absolute top-full right-0 z-30 mt-1 w-64 rounded-lg border border-[var(--color-line)] bg-white py-1 shadow-lg"
        >
          {EXPORT_FORMATS.map((format, index) => (
            <li key={format} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[index] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={busy !== null}
                className="flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-gray-100 focus:bg-gray-100 focus:outline-none disabled:text-gray-400"
                onClick={() => void download(format)}
                onKeyDown={(event) => onMenuKeyDown(event, index)}
              >
                <span>{FORMAT_INFO[format].label}</span>
                <span aria-hidden className="font-mono text-xs text-[var(--color-muted)]">
                  .{FORMAT_INFO[format].extension}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
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
