import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** The server-side session row behind this cookie (see db/schema/security.ts sessions). */
    sessionId?: string;
  }
  interface User {
    /** Set by authorize(): the session row created for this sign-in. */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The session row id; a token without one, or whose row is revoked or expired, is signed out. */
    sid?: string;
  }
}
