import { Field } from '@/components/ui/field';
import { MIN_PASSWORD_LENGTH } from '@/lib/validations/auth';

/** Password + confirmation, for new accounts and resets. */
export function NewPasswordFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      <Field label="Password" name="password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.password} required />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} required />
    </>
  );
}

/** First message per field of a zod error or an API 422 `details.fields`. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}
