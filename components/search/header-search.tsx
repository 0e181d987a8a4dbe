'use client';

import { useEffect, useRef } from 'react';
import { isTypingTarget } from '@/lib/shortcuts';

/**
 * The header's search box: a plain GET form to /search (works before hydration and without JS).
 * `/` focuses it from anywhere but a place the user types in or an open dialog; Esc leaves it.
 */
export function HeaderSearch() {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form role="search" action="/search" method="get" className="min-w-0 flex-1 sm:max-w-xs">
      <label htmlFor="header-search" className="sr-only">
        Search
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id="header-search"
          name="q"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={500}
          placeholder="Search claims, articles, sources…"
          aria-keyshortcuts="/"
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          className="peer h-8 w-full rounded-md border border-[var(--color-line)] bg-white pl-2.5 pr-7 text-sm placeholder:text-[var(--color-muted)] focus:border-[var(--color-accent)] focus:outline-none focus:ring-2 focus:ring-[var(--color-accent)]/30"
          data-testid="header-search"
        />
        <kbd aria-hidden="true" className="pointer-events-none absolute peer-focus:hidden right-1.5 top-1/2 -translate-y-1/2 rounded border border-[var(--color-line)] px-1 text-[11px] text-[var(--color-muted)]">
          /
        </kbd>
      </div>
    </form>
  );
}
