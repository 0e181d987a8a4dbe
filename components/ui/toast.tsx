'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'success' | 'error';
}

export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((text: string, tone: ToastMessage['tone'] = 'success') => {
    setToast({ id: Date.now(), text, tone });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(null), tone === 'error' ? 8000 : 3500);
  }, []);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { toast, show };
}

/** Announced politely to screen readers; errors assertively. */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  return (
    <div aria-live={toast?.tone === 'error' ? 'assertive' : 'polite'} role="status" className="pointer-events-none fixed bottom-4 left-1/2 z-50 -translate-x-1/2">
      {toast && (
        <div
          key={toast.id}
          data-testid="toast"
          className={`pointer-events-auto rounded-lg px-4 py-2.5 text-sm font-medium shadow-lg ${toast.tone === 'error' ? 'bg-red-700 text-white' : 'bg-gray-900 text-white'}`}
        >
          {toast.text}
        </div>
      )}
    </div>
  );
}
