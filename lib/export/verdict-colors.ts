/** Colours for verdict chips and highlights, safe to drop into inline CSS. */
import { highlightFill, readableTextColor } from '../verdicts/scale';
import type { ReportVerdict } from './view-model';

/** Used for pending claims and for any colour that is not a valid #rrggbb. */
export const NEUTRAL_COLOR = '#8c959f';

export interface VerdictColors {
  /** Solid verdict colour (chip background, underline, card accent). */
  solid: string;
  /** Text colour with the better contrast on `solid`. */
  onSolid: string;
  /** Translucent fill for highlighted article text. */
  fill: string;
}

export function verdictColors(verdict: ReportVerdict | null): VerdictColors {
  // Colours are validated when the scale is saved; re-check here because they end up inside CSS.
  const solid = verdict && /^#[0-9a-f]{6}$/i.test(verdict.color) ? verdict.color.toLowerCase() : NEUTRAL_COLOR;
  return { solid, onSolid: readableTextColor(solid), fill: highlightFill(solid, verdict ? 0.24 : 0.2) };
}
