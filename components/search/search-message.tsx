/** The search could not run as asked (a bad filter, a query it refuses): what is wrong, in words. */
export function SearchMessage({ message }: { message: string }) {
  return (
    <div className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" role="alert" data-testid="search-error">
      <p className="font-medium">This search cannot run.</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}
