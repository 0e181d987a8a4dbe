import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './auth';
import { userText } from './common';

/** The token of a mailed link, as it appears in the URL (checked for shape again where it is used). */
export const linkTokenSchema = z.string({ error: 'The link token is missing.' }).regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid. Check that you copied all of it.');

const newPasswordFields = {
  password: z.string({ error: 'Choose a password.' }).min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, 'Use at most 200 characters.'),
  confirmPassword: z.string({ error: 'Type the password again.' }),
};
const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const MISMATCH = { path: ['confirmPassword'], message: 'The two passwords differ.' };

/** Accepting an invitation with a brand-new account (the form and the route share it). */
export const acceptWithNewAccountSchema = z
  .object({
    token: linkTokenSchema,
    name: userText('Your name', { required: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.'),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, MISMATCH);

/** Accepting as the signed-in account. */
export const acceptAsMemberSchema = z.object({ token: linkTokenSchema });

export const forgotPasswordSchema = z.object({
  email: z.string({ error: 'Enter your email address.' }).trim().toLowerCase().email('Enter a valid email address.').max(254),
});

export const resetPasswordSchema = z.object({ token: linkTokenSchema, ...newPasswordFields }).refine(passwordsMatch, MISMATCH);

export const verifyEmailSchema = z.object({ token: linkTokenSchema });
