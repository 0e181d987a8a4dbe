import { describe, expect, it } from 'vitest';
import { clientAddress, clientInfo, trustedProxiesFromEnv } from './client-info';

describe('clientAddress', () => {
  it('takes the last hop when no proxy is trusted', () => {
    expect(clientAddress('10.0.0.1, 203.0.113.9')).toBe('203.0.113.9');
  });
  it('skips the trusted proxies from the right', () => {
    expect(clientAddress('198.51.100.7, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.7', 5)).toBe('198.51.100.7');
  });
  it('folds IPv4-mapped IPv6 addresses', () => {
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::1')).toBe('::1');
  });
  it('answers null for a missing or empty header', () => {
    expect(clientAddress(null)).toBeNull();
    expect(clientAddress(' , ')).toBeNull();
  });
});

describe('clientInfo', () => {
  it('reads address and a bounded user agent', () => {
    const headers = new Headers({ 'x-forwarded-for': '127.0.0.1', 'user-agent': 'x'.repeat(1000) });
    const info = clientInfo(headers, {});
    expect(info.ip).toBe('127.0.0.1');
    expect(info.userAgent).toHaveLength(300);
  });
  it('ignores a malformed proxy count', () => {
    expect(trustedProxiesFromEnv({ CLAIMDESK_TRUSTED_PROXIES: 'lots' })).toBe(0);
    expect(trustedProxiesFromEnv({ CLAIMDESK_TRUSTED_PROXIES: '2' })).toBe(2);
  });
});
