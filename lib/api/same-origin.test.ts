import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertSameOrigin } from './same-origin';

const request = (method: string, headers: Record<string, string>) => new Request('http://localhost:3000/api/claims', { method, headers });

describe('assertSameOrigin', () => {
  it.each([
    ['a same-origin browser POST', 'POST', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000', host: 'localhost:3000' }],
    ['a script without browser headers', 'PATCH', { host: 'localhost:3000' }],
    ['any GET, even cross-site', 'GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', host: 'localhost:3000' }],
    ['a request behind a proxy', 'DELETE', { origin: 'https://desk.example.org', host: '127.0.0.1:3000', 'x-forwarded-host': 'desk.example.org' }],
  ])('lets through %s', (_name, method, headers) => {
    expect(() => assertSameOrigin(request(method, headers))).not.toThrow();
  });

  it.each([
    ['a cross-site fetch', 'POST', { 'sec-fetch-site': 'cross-site', host: 'localhost:3000' }],
    ['a same-site sibling (another port)', 'POST', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000', host: 'localhost:3000' }],
    ['a foreign Origin without fetch metadata', 'PUT', { origin: 'https://evil.example', host: 'localhost:3000' }],
    ['an opaque origin', 'POST', { origin: 'null', host: 'localhost:3000' }],
  ])('refuses %s with 403', (_name, method, headers) => {
    let error: unknown;
    try {
      assertSameOrigin(request(method, headers));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
  });
});
