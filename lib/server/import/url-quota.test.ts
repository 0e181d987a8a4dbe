import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, URL_IMPORT_LIMIT, urlImportKey, urlImportLimitMessage } from './url-quota';

describe('URL import quota', () => {
  it('keys the counter per user', () => {
    expect(urlImportKey('u1')).toBe('url-import:user:u1');
    expect(urlImportKey('u1')).not.toBe(urlImportKey('u2'));
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });

  it('says how many, over what window, and how long to wait', () => {
    expect(urlImportLimitMessage(URL_IMPORT_LIMIT, 42_000)).toBe('You have fetched 30 web addresses in the last 10 minutes, the most allowed. Try again in 42 seconds, or save the page and upload it as an .html file.');
    expect(urlImportLimitMessage({ limit: 1, windowMs: 30_000 }, 61_000)).toBe('You have fetched 1 web address in the last 30 seconds, the most allowed. Try again in 2 minutes, or save the page and upload it as an .html file.');
    expect(urlImportLimitMessage(URL_IMPORT_LIMIT, 60_000)).toMatch(/Try again in 1 minute,/);
  });
});
