'use client';

import { useEffect, useId, useLayoutEffect, useRef } from 'react';

export interface ModalDialogProps {
  title: string;
  /** Called when the dialog closes by itself (Esc) or asks to (Cancel buttons call it too). */
  onClose: () => void;
  testId: string;
  size?: 'md' | 'lg';
  children: React.ReactNode;
}

const WIDTHS = { md: 'max-w-lg', lg: 'max-w-3xl' } as const;

/**
 * A modal dialog on the native <dialog> element (as the shortcuts sheet and the import form do):
 * showModal() makes the rest of the page inert, so focus stays inside, Esc closes it, and focus
 * returns to the button that opened it. Mount it only while open; unmounting closes it.
 */
export function ModalDialog({ title, onClose, testId, size = 'md', children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Closed before it leaves the page, so the browser hands focus back to the opener.
  useLayoutEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // The close event arrives after the fact: one from our own unmount close() can land after
      // React's development double-mount has shown the dialog again, and must not close it.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      data-testid={testId}
      className={`m-auto max-h-[90vh] w-full ${WIDTHS[size]} overflow-y-auto rounded-xl border border-[var(--color-line)] p-0 text-left text-sm font-normal tracking-normal text-[var(--color-ink)] normal-case shadow-xl backdrop:bg-black/30`}
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
