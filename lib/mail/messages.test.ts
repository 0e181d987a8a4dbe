import { describe, expect, it } from 'vitest';
import { invitationMail, oneLine, passwordResetMail, verifyEmailMail } from './messages';

const LINK = 'https://desk.example.org/invite/AbC_-123';
const EXPIRES = new Date('2026-03-08T12:00:00Z');

describe('mail messages', () => {
  it('invite with the workspace, the role, the link and the expiry', () => {
    const mail = invitationMail({ inviterName: 'Nadia Rahimi', workspaceName: 'Demo Desk', role: 'reviewer', link: LINK, expiresAt: EXPIRES });
    expect(mail.subject).toBe('Nadia Rahimi invited you to Demo Desk on Claimdesk');
    expect(mail.text).toContain(`Accept the invitation: ${LINK}`);
    expect(mail.text).toContain('as reviewer');
    expect(mail.text).toContain('2026-03-08 12:00 UTC');
    expect(mail.html).toContain(`href="${LINK}"`);
  });

  it('escape names in the HTML and keep the subject on one line', () => {
    const mail = invitationMail({ inviterName: '<script>alert(1)</script>', workspaceName: 'A & B\r\nBcc: victim@example.org', role: 'owner', link: `${LINK}"><img src=x>`, expiresAt: EXPIRES });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('A &amp; B');
    expect(mail.html).not.toContain('"><img');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('A & B Bcc: victim@example.org');
  });

  it('bound long subjects', () => {
    expect(oneLine('x'.repeat(500), 20)).toHaveLength(20);
    expect(oneLine('  a \t\u2028 b  ')).toBe('a b');
  });

  it('verify and reset say whom they are for and how long the link works', () => {
    const verify = verifyEmailMail({ name: 'Ana <b>', link: 'https://d.example/verify-email/t', expiresAt: EXPIRES });
    expect(verify.subject).toBe('Confirm your email address for Claimdesk');
    expect(verify.html).toContain('Hello Ana &lt;b&gt;,');
    expect(verify.text).toContain('https://d.example/verify-email/t');
    const reset = passwordResetMail({ name: 'Ana', link: 'https://d.example/reset-password/t', expiresAt: EXPIRES });
    expect(reset.subject).toBe('Reset your Claimdesk password');
    expect(reset.text).toContain('Choose a new password: https://d.example/reset-password/t');
    expect(reset.text).toContain('signs you out everywhere');
  });
});
