import { z } from 'zod';
import { normaliseText, textProblem, textProblemMessage } from './text';

// Zod 4 compiles object parsers with `new Function` when it can, probing for it first. The pages'
// Content-Security-Policy allows no eval, so in the browser that probe is a CSP violation; parse
// without it everywhere (every schema imports this module, so this runs before any parse).
z.config({ jitless: true });

/**
 * Every user-written string goes through this builder: NUL characters and lone surrogates are
 * refused with a 422 naming the field, and the text is NFC-normalised before any trim or length
 * check. Chain `.trim()`, `.min()`, `.max()` as on `z.string()`.
 */
export function userText(field: string, options: { required?: string } = {}) {
  return z
    .string({ error: options.required ?? `${field} must be text.` })
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: textProblemMessage(field, problem) });
    })
    .overwrite(normaliseText);
}

export const idSchema = z.string().uuid('Invalid id.');
export const versionSchema = z.number({ error: 'A version number is required.' }).int().positive();

/** YYYY-MM-DD that is a real calendar date, or null/empty (→ null). */
export const isoDateSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || isRealIsoDate(v), 'Use a date like 2017-11-21.')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .transform((v) => v ?? null);

export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An absolute http(s) URL — never javascript:, data: or a relative path. */
export const httpUrlSchema = userText('The URL')
  .trim()
  .min(1, 'A URL is required.')
  .max(2000, 'URL is too long.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with http:// or https://.');

export const optionalHttpUrlSchema = z
  .union([z.literal(''), httpUrlSchema])
  .nullable()
  .transform((v) => (v ? v : null));
