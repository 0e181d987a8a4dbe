import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Sign in' };

/**
 * Only paths on this site are honoured as a post-sign-in destination (no open redirects).
 * Resolving against a placeholder origin catches every trick that leaves it (`//host`,
 * `/\host`, tabs and other characters browsers strip).
 */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith('/')) return '/articles';
  try {
    const url = new URL(v, 'http://claimdesk.invalid');
    return url.origin === 'http://claimdesk.invalid' ? `${url.pathname}${url.search}${url.hash}` : '/articles';
  } catch {
    return '/articles';
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight">
            Claim<span className="text-[var(--color-accent)]">desk</span>
          </p>
          <h1 className="mt-2 text-sm text-[var(--color-muted)]">Sign in to your fact-check desk</h1>
        </div>
        <SignInForm callbackUrl={callbackUrl} />
        <p className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            Forgot password?
          </Link>
        </p>
      </div>
    </main>
  );
}
