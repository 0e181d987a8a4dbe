import Link from 'next/link';

/** The centred card the signed-out pages share (sign-in look), with a heading and an optional footer link. */
export function AuthCard({ title, children, footer }: { title: string; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight">
          <Link href="/articles">
            Claim<span className="text-[var(--color-accent)]">desk</span>
          </Link>
        </p>
        <div className="space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6 text-sm shadow-sm">
          <h1 className="text-lg font-semibold">{title}</h1>
          {children}
        </div>
        {footer && <div className="mt-4 text-center text-sm text-[var(--color-muted)]">{footer}</div>}
      </div>
    </main>
  );
}

/** The way back for pages that end a flow. */
export function SignInLink({ label = 'Go to sign-in' }: { label?: string }) {
  return (
    <Link href="/sign-in" className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
      {label}
    </Link>
  );
}
