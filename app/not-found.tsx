import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href="/articles" className="mt-6 inline-block text-[var(--color-accent)] underline">
        Go to articles
      </Link>
    </main>
  );
}
