'use client';

import type { FieldErrors } from 'react-hook-form';
import type { ClaimDraft } from './claim-draft';
import type { ClaimFormInput } from './claim-form-schema';
import type { useClaimEdits } from './use-claim-edits';

const inputClass = 'w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm disabled:bg-gray-50 aria-[invalid=true]:border-red-500';

/** Props wiring a text field to the kept edits, with its error announced next to it. */
export function textFieldProps<K extends keyof ClaimDraft>(key: K, edits: ReturnType<typeof useClaimEdits>, errors: FieldErrors<ClaimFormInput>, idBase: string, disabled: boolean) {
  const error = errors[key]?.message;
  return {
    value: (edits.draft[key] ?? '') as string,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => edits.set(key, event.target.value as ClaimDraft[K]),
    disabled,
    className: inputClass,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${idBase}-${key}-error` : undefined,
  };
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="mt-1 block text-xs text-red-700">
      {message}
    </span>
  ) : null;
}
