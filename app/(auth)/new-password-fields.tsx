import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { MIN_PASSWORD_LENGTH } from '@/lib/validations/auth';

interface NewPasswordFieldsProps {
  password: UseFormRegisterReturn<'password'>;
  confirmPassword: UseFormRegisterReturn<'confirmPassword'>;
  errors: FieldErrors<{ password: string; confirmPassword: string }>;
}

/** Password + confirmation, for new accounts and resets. */
export function NewPasswordFields({ password, confirmPassword, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <Field label="Password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.password?.message} required {...password} />
      <Field label="Confirm password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} required {...confirmPassword} />
    </>
  );
}
