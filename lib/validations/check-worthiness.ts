import { z } from 'zod';
import { idSchema, isoDateSchema, userText, versionSchema } from './common';

/**
 * Request bodies of the check-worthiness routes (issue 16). Thresholds are scores 0–1; suggestions
 * are stored from STORE_FLOOR up, so a threshold below it would show nothing more.
 */
export const SUGGESTION_STORE_FLOOR = 0.1;

/** POST /api/suggestions/:id/accept — the claim fields default to the suggestion's (claimant from the attribution, date from the article). */
export const acceptSuggestionSchema = z.object({
  version: versionSchema,
  claim: z
    .strictObject({
      claimText: userText('The claim statement').trim().min(1, 'The claim statement cannot be empty.').max(2000).optional(),
      claimant: userText('Claimant').trim().max(200).optional(),
      claimDate: isoDateSchema.optional(),
    })
    .optional(),
});
export type AcceptSuggestionInput = z.infer<typeof acceptSuggestionSchema>;

/** POST /api/suggestions/:id/dismiss and …/restore */
export const decideSuggestionSchema = z.object({ version: versionSchema });

export const thresholdSchema = z
  .number({ error: 'The threshold must be a number between 0.1 and 0.95.' })
  .min(SUGGESTION_STORE_FLOOR, 'The threshold must be at least 0.1.')
  .max(0.95, 'The threshold must be at most 0.95.');

/** PUT /api/workspaces/:id/check-worthiness: any subset; `version` (from GET) guards against a concurrent change. */
export const updateCheckWorthinessSettingsSchema = z
  .strictObject({
    /** 0 before the workspace's first change (no settings row yet). */
    version: z.number({ error: 'A version number is required.' }).int().min(0, 'A version number is required.').optional(),
    autoFindOnImport: z.boolean({ error: 'autoFindOnImport must be true or false.' }).optional(),
    /** null: use the active weights' threshold. */
    threshold: thresholdSchema.nullable().optional(),
    /** null: the shipped weights (deactivate a re-fitted model). */
    activeModelId: idSchema.nullable().optional(),
  })
  .refine((v) => v.autoFindOnImport !== undefined || v.threshold !== undefined || v.activeModelId !== undefined, { message: 'Nothing to change.' });
export type UpdateCheckWorthinessSettingsInput = z.infer<typeof updateCheckWorthinessSettingsSchema>;

/** POST …/check-worthiness/refit — folds for the cross-validation (default 5). */
export const refitSchema = z.object({ folds: z.number().int().min(2, 'Use at least 2 folds.').max(10, 'Use at most 10 folds.').optional() });
