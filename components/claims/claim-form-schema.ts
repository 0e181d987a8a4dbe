import { z } from 'zod';
import { updateClaimSchema } from '@/lib/validations/claims';

const field = updateClaimSchema.shape;

/**
 * The claim form's fields, checked in the browser with the same rules the server applies
 * (`updateClaimSchema`), so a too-long or empty field is shown next to it before any request.
 * Blind review leaves `status` null (withheld), which is never sent.
 */
export const claimFormSchema = z.object({
  claimText: field.claimText.unwrap(),
  claimant: field.claimant.unwrap(),
  claimDate: field.claimDate.unwrap(),
  claimAppearance: field.claimAppearance.unwrap().unwrap(),
  verdictId: field.verdictId.unwrap(),
  rationale: field.rationale.unwrap(),
  status: field.status.unwrap().nullable(),
});

export type ClaimFormInput = z.input<typeof claimFormSchema>;
