import type { SecurityEventType } from '@/lib/domain/security';

/**
 * Human labels for the security log. A Record over every type, so adding a type to
 * SECURITY_EVENT_TYPES without a label here fails the type check.
 */
export const SECURITY_EVENT_LABELS: Record<SecurityEventType, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_in_locked: 'Sign-in locked after failed attempts',
  sign_out: 'Signed out',
  sessions_revoked: 'Signed out other sessions',
  password_changed: 'Changed password',
  password_reset_requested: 'Asked for a password reset link',
  password_reset: 'Reset password by email link',
  email_verified: 'Verified email address',
  two_factor_enabled: 'Turned on two-factor sign-in',
  two_factor_disabled: 'Turned off two-factor sign-in',
  recovery_code_used: 'Signed in with a recovery code',
  recovery_codes_regenerated: 'Made new recovery codes',
  workspace_two_factor_required: 'Changed the two-factor requirement',
  invitation_created: 'Invited someone',
  invitation_accepted: 'Accepted an invitation',
  invitation_revoked: 'Withdrew an invitation',
  member_role_changed: 'Changed a member’s role',
  member_removed: 'Removed a member',
  member_left: 'Left the workspace',
  export_unpublished: 'Exported an unpublished article',
};

export function securityEventLabel(type: string): string {
  return (SECURITY_EVENT_LABELS as Record<string, string>)[type] ?? type.replace(/_/g, ' ');
}

const DETAIL_NAMES: Record<string, string> = {
  email: 'email',
  role: 'role',
  from: 'from',
  to: 'to',
  delivery: 'delivery',
  reason: 'reason',
  format: 'format',
  through: 'through',
  required: 'required',
};

/**
 * One readable line from an event's JSON detail: known keys in a fixed order, values flattened to
 * short text. Ids and unknown structures are left out; the raw row stays in the database.
 */
export function describeSecurityDetail(detail: unknown): string {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return '';
  const entries = detail as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, label] of Object.entries(DETAIL_NAMES)) {
    const value = entries[key];
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${label}: ${String(value).replace(/_/g, ' ').slice(0, 200)}`);
    else if (typeof value === 'boolean') parts.push(`${label}: ${value ? 'yes' : 'no'}`);
  }
  for (const [key, value] of Object.entries(entries)) {
    if (!(key in DETAIL_NAMES) && value === true) parts.push(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  }
  return parts.join(' · ');
}
