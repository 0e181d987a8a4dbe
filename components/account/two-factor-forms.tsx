'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { apiFetch } from '@/lib/api/client';
import { confirmTwoFactorSchema, disableTwoFactorSchema, regenerateRecoveryCodesSchema } from '@/lib/validations/two-factor';

interface StepProps<T> {
  onDone: (result: T) => void;
  /** The Cancel button, owned by the panel (it returns to the panel's idle view). */
  cancel: React.ReactNode;
}

/** Turns two-factor on with the first code from the app; answers the new recovery codes. */
export function ConfirmTwoFactorForm({ onDone, cancel, children }: StepProps<string[]> & { children: React.ReactNode }) {
  const form = useZodForm(confirmTwoFactorSchema, { defaultValues: { code: '' } });
  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch<{ recoveryCodes: string[] }>('/api/account/two-factor', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['code']);
    onDone(result.data.recoveryCodes);
  });
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label="Set up two-factor sign-in">
      {children}
      <Field label="Code from your app" inputMode="numeric" autoComplete="one-time-code" maxLength={7} className="max-w-48" error={form.formState.errors.code?.message} {...form.register('code')} />
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Turn on
        </Button>
        {cancel}
      </div>
    </form>
  );
}

/** New recovery codes in place of the old ones, for a code from the app. */
export function RegenerateCodesForm({ onDone, cancel }: StepProps<string[]>) {
  const form = useZodForm(regenerateRecoveryCodesSchema, { defaultValues: { code: '' } });
  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch<{ recoveryCodes: string[] }>('/api/account/two-factor/recovery-codes', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['code']);
    onDone(result.data.recoveryCodes);
  });
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label="New recovery codes">
      <p className="text-sm">New codes replace all your current recovery codes.</p>
      <Field label="Code from your app" autoComplete="one-time-code" className="max-w-48" error={form.formState.errors.code?.message} {...form.register('code')} />
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Make new codes
        </Button>
        {cancel}
      </div>
    </form>
  );
}

/** Turns two-factor off: the password and a code (from the app or a recovery code). */
export function DisableTwoFactorForm({ onDone, cancel }: StepProps<void>) {
  const form = useZodForm(disableTwoFactorSchema, { defaultValues: { password: '', code: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch('/api/account/two-factor', { method: 'DELETE', body: input });
    if (!result.ok) return showServerError(form, result.error, ['password', 'code']);
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label="Turn off two-factor sign-in">
      <Field label="Password" type="password" autoComplete="current-password" className="max-w-xs" error={errors.password?.message} {...form.register('password')} />
      <Field label="Code from your app or a recovery code" autoComplete="one-time-code" className="max-w-xs" error={errors.code?.message} {...form.register('code')} />
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={isSubmitting}>
          Turn off
        </Button>
        {cancel}
      </div>
    </form>
  );
}
