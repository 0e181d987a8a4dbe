import { describe, expect, it } from 'vitest';
import { acceptWithNewAccountSchema, forgotPasswordSchema, resetPasswordSchema, verifyEmailSchema } from './invitations';

const TOKEN = 'a'.repeat(43);
const message = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) => (result.success ? null : `${result.error!.issues[0]!.path.join('.')}: ${result.error!.issues[0]!.message}`);

describe('mailed-link form validations', () => {
  it('take a new account’s name and matching passwords', () => {
    expect(acceptWithNewAccountSchema.parse({ token: TOKEN, name: '  Nia  ', password: 'long-enough-1', confirmPassword: 'long-enough-1' })).toEqual({ token: TOKEN, name: 'Nia', password: 'long-enough-1', confirmPassword: 'long-enough-1' });
    expect(message(acceptWithNewAccountSchema.safeParse({ token: TOKEN, name: ' ', password: 'long-enough-1', confirmPassword: 'long-enough-1' }))).toBe('name: Enter your name.');
    expect(message(acceptWithNewAccountSchema.safeParse({ token: TOKEN, name: 'N', password: 'short', confirmPassword: 'short' }))).toBe('password: Use at least 10 characters.');
    expect(message(acceptWithNewAccountSchema.safeParse({ token: TOKEN, name: 'N', password: 'long-enough-1', confirmPassword: 'long-enough-2' }))).toBe('confirmPassword: The two passwords differ.');
    expect(message(acceptWithNewAccountSchema.safeParse({ token: 'x', name: 'N', password: 'long-enough-1', confirmPassword: 'long-enough-1' }))).toMatch(/^token: This link is not valid/);
    expect(acceptWithNewAccountSchema.safeParse({ token: TOKEN, name: 7, password: null, confirmPassword: 'x' }).success).toBe(false);
  });

  it('normalise the address asked for a reset and refuse junk', () => {
    expect(forgotPasswordSchema.parse({ email: ' Ana@Example.ORG ' })).toEqual({ email: 'ana@example.org' });
    expect(message(forgotPasswordSchema.safeParse({ email: 'not-an-email' }))).toBe('email: Enter a valid email address.');
    expect(message(forgotPasswordSchema.safeParse({}))).toBe('email: Enter your email address.');
  });

  it('check reset and verification tokens for shape', () => {
    expect(resetPasswordSchema.safeParse({ token: TOKEN, password: 'long-enough-1', confirmPassword: 'long-enough-1' }).success).toBe(true);
    expect(message(resetPasswordSchema.safeParse({ token: `${TOKEN}=`, password: 'long-enough-1', confirmPassword: 'long-enough-1' }))).toMatch(/^token:/);
    expect(verifyEmailSchema.safeParse({ token: TOKEN }).success).toBe(true);
    expect(verifyEmailSchema.safeParse({ token: 42 }).success).toBe(false);
  });
});
