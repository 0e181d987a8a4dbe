import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { readableTextColor } from '@/lib/verdicts/scale';
import { PENDING_COLOR, type ScaleLevel } from '@/components/workbench/types';

/** The final verdict as a coloured chip; "Pending" when none, "Hidden" when blind review withholds it. */
export function VerdictChip({ level, hidden = false, size = 'md' }: { level: ScaleLevel | null | undefined; hidden?: boolean; size?: 'sm' | 'md' }) {
  const color = (!hidden && level?.color) || PENDING_COLOR;
  return (
    <span
      title={hidden ? HIDDEN_UNTIL_VERDICT : undefined}
      className={`inline-flex shrink-0 items-center rounded-full font-semibold whitespace-nowrap ${size === 'sm' ? 'px-2 py-0.5 text-[11px]' : 'px-2.5 py-0.5 text-xs'}`}
      style={{ backgroundColor: color, color: readableTextColor(color) }}
      data-testid="verdict-chip"
    >
      {hidden ? 'Hidden' : (level?.label ?? 'Pending')}
    </span>
  );
}
