import { z } from 'zod';
import { idSchema, versionSchema } from '@/lib/validations/common';

/**
 * POST /api/claims/:id/reuse — "Reuse verdict" from an "Already checked?" suggestion: what the
 * claim's verdict is based on (an earlier claim or a claim library item) and the claim's version
 * the user saw (a stale one is refused with 409).
 */
export const reuseVerdictSchema = z.object({
  from: z.union([z.object({ claimId: idSchema }).strict(), z.object({ libraryItemId: idSchema }).strict()], { error: 'Say what to reuse: { claimId } or { libraryItemId }.' }),
  version: versionSchema,
});

export type ReuseVerdictBody = z.output<typeof reuseVerdictSchema>;
