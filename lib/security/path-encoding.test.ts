import { describe, expect, it } from 'vitest';
import { hasMalformedPercentEncoding } from './path-encoding';

describe('hasMalformedPercentEncoding', () => {
  it.each(['/api/articles/3f1c9a4e-8a4b-4c1e-9f0a-2b7d5e6c1a90', '/articles/caf%C3%A9', '/a%20b', '/%25ZZ', '/'])('accepts %s', (path) => {
    expect(hasMalformedPercentEncoding(path)).toBe(false);
  });
  it.each(['/api/articles/%ZZ', '/api/claims/%E0%A4%A', '/articles/%', '/x%C3', '/%ED%A0%80' /* an encoded lone surrogate */])('refuses %s', (path) => {
    expect(hasMalformedPercentEncoding(path)).toBe(true);
  });
});
