import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server for the end-to-end tests: accepts every message (no TLS, no login), parses
 * it and keeps it in memory, so a spec can wait for the mail the app sent and follow its link.
 */
export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: number;
}

export interface MailCatcher {
  port: number;
  messages: CaughtMail[];
  /** The first message to `to` (optionally matching `subject`) received after `since`; waits for it. */
  waitForMail(to: string, options?: { subject?: RegExp; since?: number; timeoutMs?: number }): Promise<CaughtMail>;
  /** Messages to `to` received so far. */
  mailTo(to: string): CaughtMail[];
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase())).filter(Boolean);
}

export async function startMailCatcher(port: number): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: addresses(mail.to),
            from: addresses(mail.from)[0] ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            receivedAt: Date.now(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  const matching = (to: string, subject?: RegExp, since = 0) => messages.filter((m) => m.receivedAt >= since && m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));

  return {
    port,
    messages,
    mailTo: (to) => matching(to),
    waitForMail(to, { subject, since = 0, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching(to, subject, since)[0];
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ''} within ${timeoutMs} ms (got: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'nothing'})`));
        }, timeoutMs);
        const wake = () => void check();
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `base` (the app's URL). */
export function linkIn(mail: CaughtMail, base: string): string {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}/[^\\s"<>]+`).exec(mail.text);
  if (!match) throw new Error(`No link to ${base} in the mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}
