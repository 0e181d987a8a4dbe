/** While the search runs: the page's frame, so the header box and layout do not jump. */
export default function SearchLoading() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8" aria-busy="true">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Search</h1>
      <p className="text-sm text-[var(--color-muted)]" role="status">
        Searching…
      </p>
    </main>
  );
}
