import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken, SESSION_COOKIE, sessionTokenFromCookies, usesSecureCookie } from './session-token';

const SECRET = 'test-secret-test-secret-test-secret';

describe('decodeSessionToken', () => {
  it('reads a token next-auth itself encoded (same key derivation and format)', async () => {
    const token = await encode({ token: { sub: 'user-1', sid: 'session-1', name: 'Ana' }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(token, SECRET)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
    // The derived key is cached: a second decode gives the same answer.
    expect(await decodeSessionToken(token, SECRET)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('refuses a token encrypted with another secret, a tampered token, garbage and nothing', async () => {
    const token = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: 'another-secret-another-secret', maxAge: 3600 });
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
    const good = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: SECRET, maxAge: 3600 });
    const parts = good.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    expect(await decodeSessionToken(parts.join('.'), SECRET)).toBeNull();
    expect(await decodeSessionToken('not-a-token', SECRET)).toBeNull();
    expect(await decodeSessionToken('', SECRET)).toBeNull();
    expect(await decodeSessionToken(null, SECRET)).toBeNull();
  });

  it('refuses an expired token (beyond the 15 s tolerance) and one without a user or session id', async () => {
    const expired = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { sub: 'user-1' }, secret: SECRET, maxAge: 3600 }), SECRET)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { sid: 'session-1' }, secret: SECRET, maxAge: 3600 }), SECRET)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { sub: 7, sid: 'session-1' } as never, secret: SECRET, maxAge: 3600 }), SECRET)).toBeNull();
  });
});

describe('sessionTokenFromCookies', () => {
  it('takes the plain or the __Secure- cookie as next-auth names it, nothing else', () => {
    const jar = [
      { name: 'other', value: 'x' },
      { name: SESSION_COOKIE, value: 'plain' },
      { name: `__Secure-${SESSION_COOKIE}`, value: 'secure' },
    ];
    expect(sessionTokenFromCookies(jar, false)).toBe('plain');
    expect(sessionTokenFromCookies(jar, true)).toBe('secure');
    expect(sessionTokenFromCookies([{ name: 'other', value: 'x' }], false)).toBeNull();
    expect(sessionTokenFromCookies([{ name: SESSION_COOKIE, value: '' }], false)).toBeNull();
  });

  it('joins chunked cookies in chunk order', () => {
    const jar = [
      { name: `${SESSION_COOKIE}.2`, value: 'c' },
      { name: `${SESSION_COOKIE}.0`, value: 'a' },
      { name: `${SESSION_COOKIE}.10`, value: 'd' },
      { name: `${SESSION_COOKIE}.1`, value: 'b' },
    ];
    expect(sessionTokenFromCookies(jar, false)).toBe('abcd');
  });
});

describe('usesSecureCookie', () => {
  it('follows the app origin like next-auth', () => {
    expect(usesSecureCookie({ NEXTAUTH_URL: 'https://desk.example.org' }, 'http')).toBe(true);
    expect(usesSecureCookie({ NEXTAUTH_URL: 'http://localhost:3000' }, 'https')).toBe(false);
    expect(usesSecureCookie({}, 'https')).toBe(false);
    expect(usesSecureCookie({ AUTH_TRUST_HOST: 'true' }, 'https')).toBe(true);
    expect(usesSecureCookie({ AUTH_TRUST_HOST: 'true' }, null)).toBe(true);
    expect(usesSecureCookie({ VERCEL: '1' }, 'http')).toBe(false);
  });
});
