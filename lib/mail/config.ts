import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/**
 * Outgoing mail settings, read from the environment:
 *
 *   SMTP_URL                      smtp://user:password@host:587 or smtps://… (wins over the rest)
 *   SMTP_HOST, SMTP_PORT          server (port defaults to 465 when SMTP_SECURE=true, else 587)
 *   SMTP_USER, SMTP_PASSWORD      optional login
 *   SMTP_SECURE                   "true": TLS from the first byte (port 465); otherwise STARTTLS when offered
 *   MAIL_FROM                     sender, e.g. "Claimdesk <claimdesk@newsroom.example>"
 *   NEXTAUTH_URL                  public base URL the mailed links point to
 *
 * No SMTP_URL and no SMTP_HOST: mail is off (the embedded demo). Owners are then shown invitation
 * links to pass on themselves, and flows that must prove a mailbox (verification, password reset)
 * say that an administrator has to configure mail.
 */
export type Env = Record<string, string | undefined>;

export interface MailConfig {
  transport: SMTPTransport.Options;
  from: string;
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

function present(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function isMailConfigured(env: Env = process.env): boolean {
  return present(env.SMTP_URL) !== null || present(env.SMTP_HOST) !== null;
}

/** The public base URL of the app (links in mail), without a trailing slash. */
export function appBaseUrl(env: Env = process.env): string {
  const configured = present(env.NEXTAUTH_URL);
  const base = configured ?? `http://localhost:${present(env.PORT) ?? '3000'}`;
  return base.replace(/\/+$/, '');
}

/** An absolute link into the app, e.g. appLink('/invite/abc'). */
export function appLink(path: string, env: Env = process.env): string {
  return `${appBaseUrl(env)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Parsed settings, or null when mail is off. Throws a readable error for a malformed value. */
export function mailConfigFromEnv(env: Env = process.env): MailConfig | null {
  if (!isMailConfigured(env)) return null;
  const from = present(env.MAIL_FROM) ?? `Claimdesk <no-reply@${new URL(appBaseUrl(env)).hostname}>`;
  const url = present(env.SMTP_URL);
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('SMTP_URL is not a valid URL (expected smtp://user:password@host:port or smtps://…).');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://.');
    const secure = parsed.protocol === 'smtps:';
    const user = decodeURIComponent(parsed.username);
    return {
      from,
      transport: {
        host: parsed.hostname,
        port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
        secure,
        ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
        ...TIMEOUTS,
      },
    };
  }
  const secure = present(env.SMTP_SECURE)?.toLowerCase() === 'true';
  const portText = present(env.SMTP_PORT);
  const port = portText ? Number(portText) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`SMTP_PORT must be a port number, got "${portText}".`);
  const user = present(env.SMTP_USER);
  return {
    from,
    transport: {
      host: present(env.SMTP_HOST)!,
      port,
      secure,
      ...(user ? { auth: { user, pass: env.SMTP_PASSWORD ?? '' } } : {}),
      ...TIMEOUTS,
    },
  };
}
