/**
 * The mails Claimdesk sends, as pure functions of their data: subject, plain text and HTML.
 * Every piece of user-chosen text (names, workspace names) is escaped in the HTML part and
 * flattened to one line in the subject, so a crafted name cannot add markup or headers.
 */
import { escapeHtml } from '@/lib/export/escape';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** One line, no control characters, bounded: safe for a Subject header. */
export function oneLine(value: string, max = 120): string {
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function layout(paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('\n');
  const url = escapeHtml(action.url);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Claimdesk</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827;font-size:15px;line-height:1.5">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:24px">
<p style="margin:0 0 20px;font-size:18px;font-weight:600">Claim<span style="color:#1d4ed8">desk</span></p>
${body}
<p style="margin:24px 0"><a href="${url}" style="background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#4b5563">Or paste this address into your browser:<br><span style="word-break:break-all">${url}</span></p>
<p style="margin:0;font-size:13px;color:#4b5563">${escapeHtml(footer)}</p>
</div></body></html>`;
}

export interface InvitationMailInput {
  inviterName: string;
  workspaceName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMailInput): MailContent {
  const role = ROLE_LABELS[input.role].toLowerCase();
  const footer = `The link works once and expires on ${formatExpiry(input.expiresAt)}. If you did not expect this invitation, ignore this mail: nothing happens until the link is used.`;
  return {
    subject: oneLine(`${oneLine(input.inviterName, 60)} invited you to ${oneLine(input.workspaceName, 60)} on Claimdesk`, 160),
    text: [
      `${input.inviterName} invited you to join the workspace "${input.workspaceName}" on Claimdesk as ${role}.`,
      '',
      `Accept the invitation: ${input.link}`,
      '',
      footer,
    ].join('\n'),
    html: layout(
      [`<strong>${escapeHtml(input.inviterName)}</strong> invited you to join the workspace <strong>${escapeHtml(input.workspaceName)}</strong> on Claimdesk as ${escapeHtml(role)}.`],
      { label: 'Accept the invitation', url: input.link },
      footer,
    ),
  };
}

export interface AccountMailInput {
  name: string;
  link: string;
  expiresAt: Date;
}

export function verifyEmailMail(input: AccountMailInput): MailContent {
  const footer = `The link works once and expires on ${formatExpiry(input.expiresAt)}. If you did not ask for it, ignore this mail.`;
  return {
    subject: 'Confirm your email address for Claimdesk',
    text: [`Hello ${input.name},`, '', `Confirm that this address is yours: ${input.link}`, '', footer].join('\n'),
    html: layout([`Hello ${escapeHtml(input.name)},`, 'Confirm that this address is yours.'], { label: 'Confirm my email address', url: input.link }, footer),
  };
}

export function passwordResetMail(input: AccountMailInput): MailContent {
  const footer = `The link works once and expires on ${formatExpiry(input.expiresAt)}. If you did not ask for a new password, ignore this mail: your password stays as it is.`;
  return {
    subject: 'Reset your Claimdesk password',
    text: [`Hello ${input.name},`, '', `Choose a new password: ${input.link}`, '', 'Resetting signs you out everywhere.', footer].join('\n'),
    html: layout([`Hello ${escapeHtml(input.name)},`, 'Someone (hopefully you) asked to reset your Claimdesk password. Resetting signs you out everywhere.'], { label: 'Choose a new password', url: input.link }, footer),
  };
}
