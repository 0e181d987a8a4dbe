'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { changePasswordSchema } from '@/lib/validations/auth';

export function ChangePasswordForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const input = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const result = await apiFetch('/api/account/password', { method: 'PUT', body: parsed.data });
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    formEl.reset();
    setMessage({ tone: 'ok', text: 'Password changed.' });
    router.replace('/articles');
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-6 space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6" noValidate aria-label="Change password">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.newPassword} />
      <p role="status" className={`text-sm ${message?.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
        {message?.text}
      </p>
      <Button type="submit">Change password</Button>
    </form>
  );
}
