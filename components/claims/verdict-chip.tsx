import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { PENDING_GLYPH, verdictGlyph } from '@/lib/verdicts/cues';
import { readableTextColor } from '@/lib/verdicts/scale';
import { PENDING_COLOR, type ScaleLevel } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';

/**
 * The final verdict as a coloured chip with its glyph (the same cue the highlight's badge shows,
 * so verdicts never differ by colour alone); "Pending" when none, "Hidden" when blind review
 * withholds it.
 */
export function VerdictChip(props: { level: ScaleLevel | null | undefined; hidden?: boolean; size?: 'sm' | 'md' }) {
  const levels = useWorkbench((s) => s.levels);
  return <VerdictChipView {...props} levels={levels} />;
}

/** The chip outside a workbench (e.g. search results): the level's scale is passed in. */
export function VerdictChipView({ level, levels, hidden = false, size = 'md' }: { level: ScaleLevel | null | undefined; levels: readonly ScaleLevel[]; hidden?: boolean; size?: 'sm' | 'md' }) {
  const shown = hidden ? null : level;
  const color = shown?.color || PENDING_COLOR;
  const glyph = shown ? verdictGlyph(shown, levels) : PENDING_GLYPH;
  return (
    <span
      title={hidden ? HIDDEN_UNTIL_VERDICT : undefined}
      className={`verdict-chip inline-flex shrink-0 items-center rounded-full font-semibold whitespace-nowrap ${size === 'sm' ? 'px-2 py-0.5 text-[11px]' : 'px-2.5 py-0.5 text-xs'}`}
      style={{ backgroundColor: color, color: readableTextColor(color) }}
      data-testid="verdict-chip"
      // Drawn by CSS (app/globals.css) before the label, hidden from screen readers (the label says it).
      data-glyph={glyph}
    >
      {hidden ? 'Hidden' : (level?.label ?? 'Pending')}
    </span>
  );
}
