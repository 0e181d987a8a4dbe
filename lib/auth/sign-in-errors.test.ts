import { describe, expect, it } from 'vitest';
import { describeSignInError, SIGN_IN_ERRORS, waitText } from './sign-in-errors';

describe('describeSignInError', () => {
  it('moves to the code step when the password was right and a code is needed', () => {
    expect(describeSignInError(SIGN_IN_ERRORS.codeRequired, 'password')).toEqual({ step: 'code', message: null });
    expect(describeSignInError(SIGN_IN_ERRORS.codeInvalid, 'code')).toMatchObject({ step: 'code', message: expect.stringContaining('not valid') });
  });

  it('says how long to wait when the limiter refuses', () => {
    expect(describeSignInError(`${SIGN_IN_ERRORS.locked}:1`, 'password').message).toBe('Too many failed attempts. Try again in 1 second.');
    expect(describeSignInError(`${SIGN_IN_ERRORS.locked}:45`, 'code').message).toBe('Too many failed attempts. Try again in 45 seconds.');
    expect(describeSignInError(`${SIGN_IN_ERRORS.locked}:601`, 'password').message).toBe('Too many failed attempts. Try again in 11 minutes.');
    expect(describeSignInError(`${SIGN_IN_ERRORS.locked}:nonsense`, 'password').message).toBe('Too many failed attempts. Try again in a few minutes.');
  });

  it('wrong credentials go back to the password step; anything else is a generic message', () => {
    expect(describeSignInError('CredentialsSignin', 'code')).toEqual({ step: 'password', message: 'Wrong email or password.' });
    expect(describeSignInError('Configuration', 'password')).toEqual({ step: 'password', message: 'Sign-in failed. Please try again.' });
    expect(describeSignInError(null, 'password')).toEqual({ step: 'password', message: null });
  });

  it('waitText', () => {
    expect([waitText(1), waitText(59), waitText(60), waitText(61)]).toEqual(['1 second', '59 seconds', '1 minute', '2 minutes']);
  });
});
