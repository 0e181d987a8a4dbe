import Link from 'next/link';

export default function ArticleNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">Article not found</h1>
      <p className="mt-2 text-[var(--color-muted)]">It may have been deleted (editors and owners can restore it from the trash for 30 days), or it belongs to a workspace you are not a member of.</p>
      <Link href="/articles" className="mt-6 inline-block text-[var(--color-accent)] underline">
        Back to articles
      </Link>
    </main>
  );
}
