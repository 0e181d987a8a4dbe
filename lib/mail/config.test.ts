import { describe, expect, it } from 'vitest';
import { appBaseUrl, appLink, isMailConfigured, mailConfigFromEnv } from './config';

describe('mail configuration from the environment', () => {
  it('is off without SMTP_URL or SMTP_HOST (the demo)', () => {
    expect(isMailConfigured({})).toBe(false);
    expect(isMailConfigured({ SMTP_URL: '  ', SMTP_USER: 'x' })).toBe(false);
    expect(mailConfigFromEnv({})).toBeNull();
  });

  it('reads an smtp:// URL with credentials', () => {
    const config = mailConfigFromEnv({ SMTP_URL: 'smtp://mailer:p%40ss@mail.example.org:2525', MAIL_FROM: 'Desk <desk@example.org>' });
    expect(config).toMatchObject({ from: 'Desk <desk@example.org>', transport: { host: 'mail.example.org', port: 2525, secure: false, auth: { user: 'mailer', pass: 'p@ss' } } });
  });

  it('uses TLS on 465 for smtps:// and sends from the app host by default', () => {
    const config = mailConfigFromEnv({ SMTP_URL: 'smtps://mail.example.org', NEXTAUTH_URL: 'https://desk.example.org/' });
    expect(config?.transport).toMatchObject({ host: 'mail.example.org', port: 465, secure: true });
    expect(config?.transport.auth).toBeUndefined();
    expect(config?.from).toBe('Claimdesk <no-reply@desk.example.org>');
  });

  it('reads SMTP_HOST and friends', () => {
    expect(mailConfigFromEnv({ SMTP_HOST: 'mx', SMTP_SECURE: 'true' })?.transport).toMatchObject({ host: 'mx', port: 465, secure: true });
    expect(mailConfigFromEnv({ SMTP_HOST: 'mx', SMTP_PORT: '25', SMTP_USER: 'u', SMTP_PASSWORD: 'p' })?.transport).toMatchObject({ port: 25, secure: false, auth: { user: 'u', pass: 'p' } });
  });

  it('explains a malformed setting instead of failing obscurely', () => {
    expect(() => mailConfigFromEnv({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL is not a valid URL/);
    expect(() => mailConfigFromEnv({ SMTP_URL: 'http://mail.example.org' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => mailConfigFromEnv({ SMTP_HOST: 'mx', SMTP_PORT: 'abc' })).toThrow(/SMTP_PORT must be a port number/);
    expect(() => mailConfigFromEnv({ SMTP_HOST: 'mx', SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/);
  });

  it('builds links on NEXTAUTH_URL', () => {
    expect(appBaseUrl({ NEXTAUTH_URL: 'https://desk.example.org//' })).toBe('https://desk.example.org');
    expect(appBaseUrl({ PORT: '3100' })).toBe('http://localhost:3100');
    expect(appLink('/invite/abc', { NEXTAUTH_URL: 'https://desk.example.org' })).toBe('https://desk.example.org/invite/abc');
    expect(appLink('reset-password/x', {})).toBe('http://localhost:3000/reset-password/x');
  });
});
