import { describe, expect, it } from 'vitest';
import { SECURITY_EVENT_TYPES } from '@/lib/domain/security';
import { describeSecurityDetail, SECURITY_EVENT_LABELS, securityEventLabel } from './security-event-labels';

describe('security log labels', () => {
  it('label every event type, each differently', () => {
    const labels = SECURITY_EVENT_TYPES.map((type) => SECURITY_EVENT_LABELS[type]);
    expect(labels.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(securityEventLabel('member_left')).toBe('Left the workspace');
  });

  it('fall back to readable text for a type recorded by a newer version', () => {
    expect(securityEventLabel('api_key_created')).toBe('api key created');
  });

  it('describe details in one line, skipping ids and odd shapes', () => {
    expect(describeSecurityDetail({ email: 'x@example.org', role: 'reviewer', delivery: 'link', invitationId: 'abc' })).toBe('email: x@example.org · role: reviewer · delivery: link');
    expect(describeSecurityDetail({ from: 'editor', to: 'viewer' })).toBe('from: editor · to: viewer');
    expect(describeSecurityDetail({ reason: 'mail_failed', resent: true, emailVerifiedNow: true })).toBe('reason: mail failed · resent · email verified now');
    expect(describeSecurityDetail({ twoFactorCleared: false })).toBe('');
    for (const odd of [null, undefined, 'text', 42, ['a'], { email: { nested: true } }]) expect(describeSecurityDetail(odd)).toBe('');
    expect(describeSecurityDetail({ email: 'y'.repeat(500) }).length).toBeLessThan(220);
  });
});
