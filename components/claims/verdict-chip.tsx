import { readableTextColor } from '@/lib/verdicts/scale';
import { PENDING_COLOR, type ScaleLevel } from '@/components/workbench/types';

export function VerdictChip({ level, size = 'md' }: { level: ScaleLevel | null | undefined; size?: 'sm' | 'md' }) {
  const color = level?.color ?? PENDING_COLOR;
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full font-semibold whitespace-nowrap ${size === 'sm' ? 'px-2 py-0.5 text-[11px]' : 'px-2.5 py-0.5 text-xs'}`}
      style={{ backgroundColor: color, color: readableTextColor(color) }}
      data-testid="verdict-chip"
    >
      {level?.label ?? 'Pending'}
    </span>
  );
}
