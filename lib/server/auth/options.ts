import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { transaction } from '@/db/transaction';
import { recordSecurityEvent } from '@/db/queries/security-events';
import { revokeSession, SESSION_MAX_AGE_SECONDS } from '@/db/queries/sessions';
import { clientInfo } from '@/lib/api/client-info';
import { authenticate } from './authenticate';
import { SIGN_IN_ERRORS } from '@/lib/auth/sign-in-errors';
import { totpKeyFromEnv } from './second-factor';

export const authOptions: NextAuthOptions = {
  // The JWT holds the user id and the id of a `sessions` row; lib/session.ts checks that row on
  // every request, so signing out and revoking sessions take effect at once. Roles are read
  // from the database on every request too.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Authentication code', type: 'text' },
      },
      async authorize(credentials, req) {
        // next-auth hands over the request headers as a plain object with lower-case names.
        const headers = new Headers(Object.entries((req.headers ?? {}) as Record<string, string>));
        const outcome = await authenticate(credentials, { db: getDb(), client: clientInfo(headers), totpKey: totpKeyFromEnv() });
        switch (outcome.status) {
          case 'signed_in':
            return { ...outcome.user, sessionId: outcome.sessionId };
          case 'invalid':
            return null; // next-auth answers "CredentialsSignin"
          // Thrown messages reach the form as the error text (lib/auth/sign-in-errors.ts).
          case 'locked':
            throw new Error(`${SIGN_IN_ERRORS.locked}:${Math.ceil(outcome.retryAfterMs / 1000)}`);
          case 'code_required':
            throw new Error(SIGN_IN_ERRORS.codeRequired);
          case 'code_invalid':
            throw new Error(SIGN_IN_ERRORS.codeInvalid);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const { sid, sub } = token ?? {};
      if (!sid || !sub) return;
      await transaction(getDb(), async (tx) => {
        if (await revokeSession(tx, sid, sub)) await recordSecurityEvent(tx, { type: 'sign_out', userId: sub, detail: { sessionId: sid } });
      });
    },
  },
};
