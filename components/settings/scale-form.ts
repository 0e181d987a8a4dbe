import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import type { ScaleDto } from '@/lib/domain/scales';
import { ratingLevelInputSchema, ratingScaleInputSchema } from '@/lib/verdicts/scale';

/**
 * The scale editor's form: a level's value is held as typed and becomes a number (or null when
 * empty); then the server's own scale schema checks the whole (keys, duplicates, two numeric levels).
 */
export const scaleFormSchema = z
  .object({
    name: z.string(),
    levels: z.array(
      ratingLevelInputSchema.extend({
        value: z
          .string()
          .trim()
          .refine((v) => v === '' || Number.isFinite(Number(v)), 'Value must be a number.')
          .transform((v) => (v === '' ? null : Number(v))),
      }),
    ),
  })
  .transform((scale, ctx) => {
    const checked = ratingScaleInputSchema.safeParse(scale);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });

export type ScaleFormValues = z.input<typeof scaleFormSchema>;
export type ScaleForm = UseFormReturn<ScaleFormValues, unknown, z.output<typeof scaleFormSchema>>;

export const scaleFormValues = (scale: ScaleDto): ScaleFormValues => ({
  name: scale.name,
  levels: scale.levels.map((l) => ({ key: l.key, label: l.label, color: l.color, value: l.value === null ? '' : String(l.value), description: l.description })),
});
