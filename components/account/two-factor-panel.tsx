'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';
import { RecoveryCodesView } from './recovery-codes-view';
import { ConfirmTwoFactorForm, DisableTwoFactorForm, RegenerateCodesForm } from './two-factor-forms';

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

  const done = () => {
    setMode({ kind: 'idle' });
    router.refresh();
  };

  async function startSetup() {
    setPending(true);
    setError(null);
    const result = await apiFetch<{ secret: string; qrCode: string }>('/api/account/two-factor/setup', { method: 'POST' });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setMode({ kind: 'setup', secret: result.data.secret, qrCode: result.data.qrCode });
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
          <ConfirmTwoFactorForm
            cancel={cancel}
            onDone={(codes) => {
              setMode({ kind: 'codes', codes });
              router.refresh(); // the status line above now says "On"; the codes stay on screen
            }}
          >
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
          </ConfirmTwoFactorForm>
        )}

        {mode.kind === 'codes' && <RecoveryCodesView codes={mode.codes} onDone={done} />}

        {mode.kind === 'regenerate' && <RegenerateCodesForm cancel={cancel} onDone={(codes) => setMode({ kind: 'codes', codes })} />}

        {mode.kind === 'disable' && <DisableTwoFactorForm cancel={cancel} onDone={done} />}
      </div>
      <p role="alert" className="mt-3 min-h-5 text-sm text-red-700">
        {error}
      </p>
    </section>
  );
}
