import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((part) => {
    const [name, ...values] = part.split(' ');
    return [name!, values];
  }));
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce (and what nonce-bearing scripts load), never eval in production', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('locks down framing, plugins, base URLs and form targets', () => {
    const policy = directives(contentSecurityPolicy('abc'));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('keeps inline styles open without a nonce (a nonce would disable unsafe-inline for style attributes)', () => {
    expect(directives(contentSecurityPolicy('abc')).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('allows eval and the hot-reload websocket in development only', () => {
    const policy = directives(contentSecurityPolicy('abc', { dev: true }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('connect-src')).toContain('ws:');
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("abc'; script-src *")).toThrow(/base64/);
    expect(() => contentSecurityPolicy('')).toThrow(/base64/);
  });
});

describe('newNonce', () => {
  it('is 128 bits of base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
