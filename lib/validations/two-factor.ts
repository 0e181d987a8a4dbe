import { z } from 'zod';

/** A 6-digit authenticator code or a recovery code, as typed (spaces and dashes allowed). */
export const secondFactorCodeSchema = z
  .string({ error: 'Enter the 6-digit code from your app.' })
  .trim()
  .min(1, 'Enter the 6-digit code from your app.')
  .max(40, 'That code is too long.');

/** Confirming setup needs a code from the app (a recovery code does not exist yet). */
export const confirmTwoFactorSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your app.' })
    .trim()
    .regex(/^\d{3}[\s-]?\d{3}$/, 'Enter the 6-digit code from your app.'),
});

export const disableTwoFactorSchema = z.object({
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
  code: secondFactorCodeSchema,
});

export const regenerateRecoveryCodesSchema = z.object({ code: secondFactorCodeSchema });

export const workspaceTwoFactorSchema = z.object({ required: z.boolean({ error: 'Say whether two-factor sign-in is required (true or false).' }) });
