/** What a mailed single-use link is for. */
export const EMAIL_TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Every kind of entry the security log holds; the UI labels them (components/settings/security-log). */
export const SECURITY_EVENT_TYPES = [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'sign_out',
  'sessions_revoked',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'email_verified',
  'two_factor_enabled',
  'two_factor_disabled',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'workspace_two_factor_required',
  'invitation_created',
  'invitation_accepted',
  'invitation_revoked',
  'member_role_changed',
  'member_removed',
  'member_left',
  'export_unpublished',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEventDto {
  id: string;
  type: string;
  createdAt: Date;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  actorId: string | null;
  actorName: string | null;
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
}
