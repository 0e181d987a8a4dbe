'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { isTypingTarget, SHORTCUTS } from '@/lib/shortcuts';

/**
 * The `?` sheet: a native <dialog>, so focus is trapped and Esc closes it. The `?` key works once
 * React has hydrated (the listener is an effect); until then the button is disabled, so the page
 * says when it is ready instead of silently dropping the key.
 */
export function ShortcutsHelp() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === '?' && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <Button variant="ghost" size="sm" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" disabled={!hydrated} onClick={() => setOpen(true)}>
        <kbd className="rounded border border-[var(--color-line)] px-1.5 text-xs">?</kbd>
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby="shortcuts-title"
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-md rounded-xl border border-[var(--color-line)] p-0 shadow-xl backdrop:bg-black/30"
      >
        <div className="p-6">
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <dl className="mt-4 divide-y divide-[var(--color-line)] text-sm">
            {SHORTCUTS.map((s) => (
              <div key={s.action} className="flex items-center justify-between gap-4 py-2">
                <dt className="text-[var(--color-muted)]">{s.action}</dt>
                <dd className="flex gap-1">
                  {s.keys.map((k) => (
                    <kbd key={k} className="rounded border border-[var(--color-line)] bg-gray-50 px-1.5 py-0.5 font-mono text-xs">
                      {k}
                    </kbd>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
          <div className="mt-6 text-right">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
