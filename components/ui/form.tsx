'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type * as z from 'zod';

/**
 * The one form pattern: react-hook-form validated in the browser by the same zod schema the API
 * route reads the body with (lib/validations/*). Field errors go next to their field (`Field`'s
 * `error`), server errors too when the server names the field (422 `details.fields`), otherwise in
 * the form's alert (`FormError`).
 *
 * Give typed fields no default value: react-hook-form writes defaults into the inputs when it
 * hydrates, wiping what someone typed (or a password manager filled) before the JavaScript loaded.
 */
export function useZodForm<Input extends FieldValues, Output extends FieldValues>(
  schema: z.ZodType<Output, Input>,
  options: Omit<UseFormProps<Input, unknown, Output>, 'resolver'> = {},
): UseFormReturn<Input, unknown, Output> {
  return useForm<Input, unknown, Output>({ ...options, resolver: zodResolver(schema) });
}

interface ServerError {
  message: string;
  details?: unknown;
}

/**
 * Shows an API error on the form: on each field the server's 422 names (when the form has it),
 * and the message in the form's alert.
 */
export function showServerError<Input extends FieldValues, Output extends FieldValues>(form: UseFormReturn<Input, unknown, Output>, error: ServerError, fieldNames: ReadonlyArray<Path<Input>> = []): void {
  const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields ?? [];
  for (const field of fields) {
    const name = fieldNames.find((n) => n === field.path);
    if (name) form.setError(name, { type: 'server', message: field.message });
  }
  form.setError('root.server', { type: 'server', message: error.message });
}

/** The form's own alert: a server error that belongs to no single field. */
export function FormError<Input extends FieldValues, Output extends FieldValues>({ form, className = 'text-red-700 empty:hidden' }: { form: UseFormReturn<Input, unknown, Output>; className?: string }) {
  return (
    <p role="alert" className={className}>
      {form.formState.errors.root?.server?.message}
    </p>
  );
}
