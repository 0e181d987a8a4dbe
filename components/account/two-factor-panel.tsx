'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch, type ApiResult } from '@/lib/api/client';
import { RecoveryCodesView } from './recovery-codes-view';

type Mode =
  | { kind: 'idle' }
  | { kind: 'setup'; secret: string; qrCode: string }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'regenerate' }
  | { kind: 'disable' };

export interface TwoFactorPanelProps {
  enabled: boolean;
  unusedRecoveryCodes: number;
}

/** Set up, turn off, and renew recovery codes for two-factor sign-in (TOTP). */
export function TwoFactorPanel({ enabled, unusedRecoveryCodes }: TwoFactorPanelProps) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function call<T>(url: string, method: string, body?: unknown): Promise<T | null> {
    setPending(true);
    setError(null);
    const result: ApiResult<T> = await apiFetch<T>(url, { method, body });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    return result.data;
  }

  const field = (event: React.FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '');
  const done = () => {
    setMode({ kind: 'idle' });
    router.refresh();
  };

  async function startSetup() {
    const view = await call<{ secret: string; qrCode: string }>('/api/account/two-factor/setup', 'POST');
    if (view) setMode({ kind: 'setup', secret: view.secret, qrCode: view.qrCode });
  }

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await call<{ recoveryCodes: string[] }>('/api/account/two-factor', 'POST', { code: field(event, 'code') });
    if (!result) return;
    setMode({ kind: 'codes', codes: result.recoveryCodes });
    router.refresh(); // the status line above now says "On"; the codes stay on screen
  }

  async function regenerate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await call<{ recoveryCodes: string[] }>('/api/account/two-factor/recovery-codes', 'POST', { code: field(event, 'code') });
    if (result) setMode({ kind: 'codes', codes: result.recoveryCodes });
  }

  async function disable(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await call<{ ok: true }>('/api/account/two-factor', 'DELETE', { password: field(event, 'password'), code: field(event, 'code') });
    if (result) done();
  }

  const cancel = (
    <Button variant="ghost" onClick={() => setMode({ kind: 'idle' })} disabled={pending}>
      Cancel
    </Button>
  );

  return (
    <section aria-labelledby="two-factor-heading" className="mt-6 rounded-xl border border-[var(--color-line)] bg-white p-6">
      <h2 id="two-factor-heading" className="text-lg font-semibold">
        Two-factor sign-in
      </h2>
      <p className="mt-1 text-sm text-[var(--color-muted)]" data-testid="two-factor-status">
        {enabled
          ? `On. Signing in asks for a code from your authenticator app. ${unusedRecoveryCodes} unused recovery code${unusedRecoveryCodes === 1 ? '' : 's'} left.`
          : 'Off. Add a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) to your password.'}
      </p>

      <div className="mt-4">
        {mode.kind === 'idle' && !enabled && (
          <Button onClick={() => void startSetup()} disabled={pending}>
            Set up two-factor
          </Button>
        )}
        {mode.kind === 'idle' && enabled && (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setMode({ kind: 'regenerate' })}>
              New recovery codes
            </Button>
            <Button variant="danger" onClick={() => setMode({ kind: 'disable' })}>
              Turn off two-factor
            </Button>
          </div>
        )}

        {mode.kind === 'setup' && (
          <form onSubmit={(e) => void confirm(e)} className="space-y-4" noValidate aria-label="Set up two-factor sign-in">
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>Scan this QR code with your authenticator app, or type the key below into it.</li>
              <li>Enter the 6-digit code the app shows.</li>
            </ol>
            <div className="flex flex-wrap items-center gap-6">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; next/image adds nothing */}
              <img src={mode.qrCode} alt="QR code for your authenticator app" width={176} height={176} className="rounded border border-[var(--color-line)]" />
              <div className="text-sm">
                <p className="font-medium">Key for manual entry</p>
                <code data-testid="totp-manual-key" className="mt-1 block rounded bg-gray-50 px-2 py-1 font-mono text-sm tracking-wide">
                  {mode.secret}
                </code>
                <p className="mt-1 text-xs text-[var(--color-muted)]">Time-based, 6 digits, every 30 seconds.</p>
              </div>
            </div>
            <Field label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} className="max-w-48" />
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>
                Turn on
              </Button>
              {cancel}
            </div>
          </form>
        )}

        {mode.kind === 'codes' && <RecoveryCodesView codes={mode.codes} onDone={done} />}

        {mode.kind === 'regenerate' && (
          <form onSubmit={(e) => void regenerate(e)} className="space-y-4" noValidate aria-label="New recovery codes">
            <p className="text-sm">New codes replace all your current recovery codes.</p>
            <Field label="Code from your app" name="code" autoComplete="one-time-code" className="max-w-48" />
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>
                Make new codes
              </Button>
              {cancel}
            </div>
          </form>
        )}

        {mode.kind === 'disable' && (
          <form onSubmit={(e) => void disable(e)} className="space-y-4" noValidate aria-label="Turn off two-factor sign-in">
            <Field label="Password" name="password" type="password" autoComplete="current-password" className="max-w-xs" />
            <Field label="Code from your app or a recovery code" name="code" autoComplete="one-time-code" className="max-w-xs" />
            <div className="flex gap-2">
              <Button type="submit" variant="danger" disabled={pending}>
                Turn off
              </Button>
              {cancel}
            </div>
          </form>
        )}
      </div>
      <p role="alert" className="mt-3 min-h-5 text-sm text-red-700">
        {error}
      </p>
    </section>
  );
}
