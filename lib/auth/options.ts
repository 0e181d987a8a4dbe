import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { findUserByEmail } from '@/db/queries/users';
import { verifyPassword } from '@/lib/auth/password';
import { SignInThrottle } from '@/lib/auth/sign-in-throttle';
import { signInSchema } from '@/lib/validations/auth';

// Ten wrong passwords for one account within 15 minutes lock it for the rest of that window.
const throttle = new SignInThrottle({ maxFailures: 10, windowMs: 15 * 60_000 });

export const authOptions: NextAuthOptions = {
  // JWT sessions hold only the user id; roles are read from the database on every request,
  // so removing a member takes effect at once.
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const key = parsed.data.email;
        const wait = throttle.retryAfter(key);
        if (wait > 0) throw new Error(`Too many failed attempts. Try again in ${Math.ceil(wait / 60_000)} minute(s).`);
        const user = findUserByEmail(getDb(), key);
        if (!user || !(await verifyPassword(user.passwordHash, parsed.data.password))) {
          throttle.recordFailure(key);
          return null;
        }
        throttle.recordSuccess(key);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
