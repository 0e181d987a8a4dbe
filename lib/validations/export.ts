import { z } from 'zod';
import { idSchema } from './common';

/**
 * GET /api/articles/:id/export query, besides `format` (parsed by lib/export parseExportFormat,
 * which lists the valid formats): `draft=1` allows a ClaimReview of an article that is not
 * published, marked as a draft.
 */
export const exportQuerySchema = z.object({
  draft: z
    .enum(['1', '0', 'true', 'false'], { error: 'draft must be 1 (export a draft) or 0.' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
});

export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The claim id in /annotations/<claim-id>. */
export const annotationParamsSchema = z.object({ claimId: idSchema });
