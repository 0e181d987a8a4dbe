/** The signed-in user as every request sees it (lib/server/session.ts reads it from the session row). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  /** The server-side session row of this browser (sign-out and revocation end it). */
  sessionId: string;
  /** Signed in with a one-time password: must choose a new one before working. */
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** A workspace of theirs requires two-factor sign-in and they have not set it up: account page only. */
  twoFactorSetupRequired: boolean;
}
