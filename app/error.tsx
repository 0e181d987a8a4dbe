'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-[var(--color-muted)]">Nothing you saved was lost. Try again, or reload the page.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
