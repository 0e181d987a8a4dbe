export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl px-6 py-10" aria-busy="true" aria-label="Loading article">
      <div className="h-8 w-2/3 animate-pulse rounded bg-gray-200" />
      <div className="mt-6 space-y-3">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-4 animate-pulse rounded bg-gray-200" />
        ))}
      </div>
    </div>
  );
}
