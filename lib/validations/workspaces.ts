import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';
import { ratingLevelInputSchema } from '@/lib/verdicts/scale';
import { optionalHttpUrlSchema, userText, versionSchema } from './common';

export const roleSchema = z.enum(ROLES, { error: 'Role must be owner, editor, reviewer or viewer.' });

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  name: userText('Name').trim().min(1, 'Enter the person’s name.').max(120),
  role: roleSchema,
});

export const changeRoleSchema = z.object({ role: roleSchema });

export const updateScaleSchema = z.object({
  version: versionSchema,
  name: userText('Scale name'),
  levels: z.array(ratingLevelInputSchema),
});

export const workspaceSettingsSchema = z.object({
  version: versionSchema,
  name: userText('Workspace name').trim().min(1, 'Workspace name is required.').max(120),
  organizationName: userText('Organization name').trim().min(1, 'Organization name is required (it is the ClaimReview author).').max(200),
  organizationUrl: optionalHttpUrlSchema,
  factCheckUrlPattern: userText('Fact-check URL pattern')
    .trim()
    .max(500)
    .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'Use a full https:// address, with {article} and {claim} placeholders.')
    .transform((v) => (v === '' ? null : v)),
});
