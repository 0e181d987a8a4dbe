'use client';

import type { ScaleLevel } from '@/components/workbench/types';

/** A radio group of the workspace's rating levels, each with its colour; "Pending" clears the verdict. */
export interface VerdictPickerProps {
  levels: ScaleLevel[];
  value: string | null;
  onChange: (id: string | null) => void;
  disabled?: boolean;
  legend: string;
  hint?: string;
  /** Distinguishes several pickers on one page (radio group name). */
  name?: string;
  /** Offer "Pending" (no verdict): true for the final verdict, false for a reviewer's own. */
  allowPending?: boolean;
}

export function VerdictPicker({ levels, value, onChange, disabled, legend, hint, name = 'verdict', allowPending = true }: VerdictPickerProps) {
  const options: Array<{ id: string | null; label: string; color: string; description: string }> = [
    ...levels.map((l) => ({ id: l.id, label: l.label, color: l.color, description: l.description })),
    ...(allowPending ? [{ id: null, label: 'Pending', color: '#8c959f', description: 'No verdict yet.' }] : []),
  ];
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-0.5 text-sm font-medium">{legend}</legend>
      {hint && <p className="mb-1.5 text-xs text-[var(--color-muted)]">{hint}</p>}
      <div className="grid grid-cols-2 gap-1.5" role="radiogroup" aria-label={legend}>
        {options.map((o) => {
          const checked = o.id === value;
          return (
            <label
              key={o.id ?? 'pending'}
              title={o.description}
              className={`relative flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--color-accent)] ${checked ? 'border-transparent font-semibold ring-2' : 'border-[var(--color-line)] hover:bg-gray-50'}`}
              style={checked ? ({ '--tw-ring-color': o.color, backgroundColor: `${o.color}1f` } as React.CSSProperties) : undefined}
            >
              {/* Transparent over the whole option: it is what a pointer hits, so it stays actionable (and testable by role). */}
              <input type="radio" name={name} className="absolute inset-0 m-0 h-full w-full cursor-pointer appearance-none opacity-0 disabled:cursor-default" checked={checked} onChange={() => onChange(o.id)} />
              <span aria-hidden className="h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: o.color }} />
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
