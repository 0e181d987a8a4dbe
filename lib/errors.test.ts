import { describe, expect, it, vi } from 'vitest';
import { AppError, conflict, errorBody, forbidden, isStaleVersion, notFound, unauthorized } from './errors';

describe('errors', () => {
  it('maps codes to statuses', () => {
    expect(unauthorized().status).toBe(401);
    expect(forbidden().status).toBe(403);
    expect(notFound('Claim').message).toBe('Claim not found.');
    expect(conflict('stale', { version: 3 }).status).toBe(409);
    expect(new AppError('unprocessable', 'bad').status).toBe(422);
  });
  it('keeps conflict state in the body', () => {
    expect(errorBody(conflict('stale', { version: 3 }))).toEqual({
      status: 409,
      body: { error: { code: 'conflict', message: 'stale', details: { current: { version: 3 } } } },
    });
  });
  it('hides unknown errors behind a generic 500', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { status, body } = errorBody(new Error('secret stack detail'));
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('secret');
    spy.mockRestore();
  });
});

describe('isStaleVersion', () => {
  it('is true only for a conflict() 409, which carries the current state', () => {
    expect(isStaleVersion(conflict('Changed meanwhile.', { version: 3 }))).toBe(true);
    expect(isStaleVersion(new AppError('conflict', 'The article is published.', { locked: true, status: 'published' }))).toBe(false);
    expect(isStaleVersion(new AppError('conflict', 'No details.'))).toBe(false);
    expect(isStaleVersion(forbidden())).toBe(false);
    expect(isStaleVersion(new Error('conflict'))).toBe(false);
    expect(isStaleVersion(null)).toBe(false);
  });
});
