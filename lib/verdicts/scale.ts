import { z } from 'zod';
import { userText } from '@/lib/validations/common';

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ratingLevelInputSchema = z.object({
  key: z.string().trim().regex(KEY, 'Key must be lowercase letters, digits and dashes (e.g. "mostly-false").').max(40),
  label: userText('Label').trim().min(1, 'Label is required.').max(40, 'Label must be at most 40 characters.'),
  color: z.string().trim().regex(HEX_COLOR, 'Colour must be a hex colour like #c62828.'),
  value: z.number().finite().min(-100).max(100).nullable(),
  description: userText('Description').trim().max(300).default(''),
});
export type RatingLevelInput = z.input<typeof ratingLevelInputSchema>;
export type RatingLevel = z.output<typeof ratingLevelInputSchema>;

export const ratingScaleInputSchema = z
  .object({
    name: userText('Scale name').trim().min(1, 'Scale name is required.').max(80),
    levels: z.array(ratingLevelInputSchema).min(2, 'A scale needs at least two levels.').max(20, 'A scale has at most 20 levels.'),
  })
  .superRefine((scale, ctx) => {
    const seenKeys = new Set<string>();
    const seenLabels = new Set<string>();
    scale.levels.forEach((level, index) => {
      if (seenKeys.has(level.key)) ctx.addIssue({ code: 'custom', path: ['levels', index, 'key'], message: `Duplicate key "${level.key}".` });
      const label = level.label.toLowerCase();
      if (seenLabels.has(label)) ctx.addIssue({ code: 'custom', path: ['levels', index, 'label'], message: `Duplicate label "${level.label}".` });
      seenKeys.add(level.key);
      seenLabels.add(label);
    });
    const ordinal = scale.levels.filter((l) => l.value !== null);
    if (ordinal.length < 2) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'At least two levels need a numeric value (for ClaimReview ratings).' });
  });
export type RatingScaleInput = z.input<typeof ratingScaleInputSchema>;

/** Best and worst numeric ratings, as ClaimReview's bestRating/worstRating. */
export function ratingBounds(levels: ReadonlyArray<{ value: number | null }>): { best: number; worst: number } {
  const values = levels.map((l) => l.value).filter((v): v is number => v !== null);
  if (values.length === 0) throw new Error('A rating scale needs at least one numeric level.');
  return { best: Math.max(...values), worst: Math.min(...values) };
}

/** Text colour (near-black or white) with the better WCAG contrast on `background`. */
export function readableTextColor(background: string): '#111111' | '#ffffff' {
  if (!HEX_COLOR.test(background)) throw new Error(`Not a hex colour: ${background}`);
  const luminance = relativeLuminance(background);
  const contrastWhite = 1.05 / (luminance + 0.05);
  const contrastDark = (luminance + 0.05) / (relativeLuminance('#111111') + 0.05);
  return contrastWhite >= contrastDark ? '#ffffff' : '#111111';
}

export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** A translucent highlight fill for a verdict colour (hex + alpha). */
export function highlightFill(color: string, alpha = 0.28): string {
  if (!HEX_COLOR.test(color)) throw new Error(`Not a hex colour: ${color}`);
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${color}${a}`;
}
