/**
 * The error texts authorize() throws and the sign-in form understands (next-auth passes a thrown
 * message through as `result.error`). Shared so the two cannot drift apart.
 */
export const SIGN_IN_ERRORS = {
  /** Followed by `:<seconds to wait>`. */
  locked: 'SignInLocked',
  codeRequired: 'TwoFactorRequired',
  codeInvalid: 'TwoFactorInvalid',
} as const;

export type SignInErrorView = { step: 'password' | 'code'; message: string | null };

/** How long to wait, in words. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Turns next-auth's `result.error` into what the form shows and which step it stays on. */
export function describeSignInError(error: string | null | undefined, currentStep: 'password' | 'code'): SignInErrorView {
  if (!error) return { step: currentStep, message: null };
  if (error === SIGN_IN_ERRORS.codeRequired) return { step: 'code', message: null };
  if (error === SIGN_IN_ERRORS.codeInvalid) return { step: 'code', message: 'That code is not valid. Enter the current code from your app, or an unused recovery code.' };
  if (error.startsWith(`${SIGN_IN_ERRORS.locked}:`)) {
    const seconds = Number(error.slice(SIGN_IN_ERRORS.locked.length + 1));
    const wait = Number.isFinite(seconds) && seconds > 0 ? waitText(Math.ceil(seconds)) : 'a few minutes';
    return { step: currentStep, message: `Too many failed attempts. Try again in ${wait}.` };
  }
  if (error === 'CredentialsSignin') return { step: 'password', message: 'Wrong email or password.' };
  return { step: currentStep, message: 'Sign-in failed. Please try again.' };
}
