import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '@/lib/errors';
import { mailConfigFromEnv } from './config';
import type { MailContent } from './messages';

// One pooled transport per configuration, kept on globalThis like the database connection.
const globalForMail = globalThis as unknown as { claimdeskMail?: { key: string; transporter: Transporter } };

function transporter(): { transporter: Transporter; from: string } {
  const config = mailConfigFromEnv();
  if (!config) throw new AppError('unavailable', 'Mail is not configured on this server. An administrator must set SMTP_URL (see the README).');
  const key = JSON.stringify(config.transport);
  if (globalForMail.claimdeskMail?.key !== key) globalForMail.claimdeskMail = { key, transporter: nodemailer.createTransport(config.transport) };
  return { transporter: globalForMail.claimdeskMail.transporter, from: config.from };
}

/** Sends one message; a failure becomes a 503 the user can act on (the server log keeps the cause). */
export async function sendMail(to: string, content: MailContent): Promise<void> {
  const { transporter: transport, from } = transporter();
  try {
    await transport.sendMail({ from, to, subject: content.subject, text: content.text, html: content.html });
  } catch (error) {
    console.error('Sending mail failed:', error);
    throw new AppError('unavailable', 'The mail could not be sent. Try again in a moment; if it keeps failing, ask an administrator to check the mail settings.');
  }
}
