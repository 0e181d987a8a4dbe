import { SessionsList, type SessionRow } from './sessions-list';
import { TwoFactorPanel } from './two-factor-panel';

export interface AccountSecurityProps {
  twoFactorEnabled: boolean;
  /** Names of the user's workspaces that require two-factor sign-in while it is off. */
  requiringTwoFactor: string[];
  unusedRecoveryCodes: number;
  sessions: SessionRow[];
}

/** The account page's security part: the two-factor requirement notice, two-factor setup, and active sessions. */
export function AccountSecurity({ twoFactorEnabled, requiringTwoFactor, unusedRecoveryCodes, sessions }: AccountSecurityProps) {
  return (
    <>
      {requiringTwoFactor.length > 0 && (
        <p role="note" data-testid="two-factor-required-notice" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {requiringTwoFactor.join(', ')} {requiringTwoFactor.length === 1 ? 'requires' : 'require'} two-factor sign-in. Set it up below to continue working there.
        </p>
      )}
      <TwoFactorPanel enabled={twoFactorEnabled} unusedRecoveryCodes={unusedRecoveryCodes} />
      <SessionsList sessions={sessions} />
    </>
  );
}
