'use client';

import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { ScaleForm } from './scale-form';

type LevelField = 'label' | 'key' | 'value' | 'description';

const cell = 'h-9 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm aria-[invalid=true]:border-red-500';

interface ScaleLevelRowProps {
  form: ScaleForm;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One level of the rating scale: its inputs, each with its error underneath, and the row's buttons. */
export function ScaleLevelRow({ form, index: i, count, onMove, onRemove }: ScaleLevelRowProps) {
  const label = useWatch({ control: form.control, name: `levels.${i}.label` });
  const errors = form.formState.errors.levels?.[i];

  const input = (field: LevelField, name: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errors?.[field]?.message;
    const errorId = `level-${i}-${field}-error`;
    return (
      <>
        <input aria-label={`${name} ${i + 1}`} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...extra} {...form.register(`levels.${i}.${field}`)} />
        {error && (
          <span id={errorId} className="mt-1 block text-xs text-red-700">
            {error}
          </span>
        )}
      </>
    );
  };

  return (
    <tr className="align-top">
      <td className="py-1 pr-2">
        <input type="color" aria-label={`Colour of ${label || 'new level'}`} className="h-9 w-12 rounded border border-[var(--color-line)]" {...form.register(`levels.${i}.color`)} />
      </td>
      <td className="py-1 pr-2">{input('label', 'Label', { className: cell })}</td>
      <td className="py-1 pr-2">{input('key', 'Key', { className: `${cell} font-mono` })}</td>
      <td className="w-20 py-1 pr-2">{input('value', 'Value', { className: cell, inputMode: 'decimal' })}</td>
      <td className="py-1 pr-2">{input('description', 'Description', { className: cell })}</td>
      <td className="flex gap-0.5 py-1 whitespace-nowrap">
        <Button variant="ghost" size="sm" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => onMove(i - 1)}>
          ↑
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Move ${label} down`} disabled={i === count - 1} onClick={() => onMove(i + 1)}>
          ↓
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Remove ${label}`} onClick={onRemove}>
          ✕
        </Button>
      </td>
    </tr>
  );
}
