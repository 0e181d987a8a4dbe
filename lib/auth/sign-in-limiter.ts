import type { Counter } from '@/lib/domain/rate-limits';

/**
 * The sign-in limiter's rules, pure (counters and clock in, decision and new counters out).
 * lib/auth/authenticate.ts reads the three counters, asks `reserveAttempt`, and writes them back
 * in one transaction BEFORE the password is checked, so parallel guesses each see the ones
 * before them.
 *
 * Three counters per attempt, all over one window:
 * - address: attempts from one client address over all accounts (stops one address spraying);
 * - pair:    attempts at one account from one address (a hard cap for that address);
 * - account: attempts at one account from anywhere. From `accountFreeAttempts` on, each attempt
 *   starts an exponential back-off (1 s, 2 s, 4 s … up to 15 min). The back-off slows only
 *   addresses that have already failed at this account: the real user, signing in from an
 *   address that has not failed, is still let through, so nobody can lock someone else out.
 *   Past `accountHardLimit` attempts in a window (a spray from many addresses) it applies to
 *   every address.
 * Attempts are counted when reserved; a successful sign-in gives its reservation back and clears
 * the pair, so successes never use up an address's allowance.
 */
export interface SignInPolicy {
  windowMs: number;
  addressLimit: number;
  pairLimit: number;
  accountFreeAttempts: number;
  accountHardLimit: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const SIGN_IN_POLICY: SignInPolicy = {
  windowMs: 15 * 60_000,
  addressLimit: 50,
  pairLimit: 10,
  accountFreeAttempts: 5,
  accountHardLimit: 100,
  backoffBaseMs: 1000,
  backoffMaxMs: 15 * 60_000,
};

export interface SignInCounters {
  address: Counter;
  account: Counter;
  pair: Counter;
}

export type Reservation =
  | { allowed: true; counters: SignInCounters }
  | { allowed: false; reason: 'address' | 'pair' | 'account'; retryAfterMs: number };

/** Counter keys. Accounts are keyed by the normalised email, so unknown emails behave like known ones. */
export function signInKeys(email: string, address: string | null) {
  const addr = address ?? 'unknown';
  return { address: `sign-in:address:${addr}`, account: `sign-in:account:${email}`, pair: `sign-in:pair:${email}|${addr}` };
}

/** The back-off after the n-th attempt at an account (0 before `accountFreeAttempts`). */
export function backoffMs(attempts: number, policy: SignInPolicy = SIGN_IN_POLICY): number {
  if (attempts < policy.accountFreeAttempts) return 0;
  const exponent = Math.min(attempts - policy.accountFreeAttempts, 30);
  return Math.min(policy.backoffBaseMs * 2 ** exponent, policy.backoffMaxMs);
}

const windowLeft = (counter: Counter, now: Date, policy: SignInPolicy) => Math.max(1, counter.windowStartedAt.getTime() + policy.windowMs - now.getTime());

/** Decides whether an attempt may be verified and, if so, counts it. */
export function reserveAttempt(counters: SignInCounters, now: Date, policy: SignInPolicy = SIGN_IN_POLICY): Reservation {
  const { address, account, pair } = counters;
  if (address.count >= policy.addressLimit) return { allowed: false, reason: 'address', retryAfterMs: windowLeft(address, now, policy) };
  if (pair.count >= policy.pairLimit) return { allowed: false, reason: 'pair', retryAfterMs: windowLeft(pair, now, policy) };
  const backoffApplies = pair.count > 0 || account.count >= policy.accountHardLimit;
  if (account.blockedUntil && backoffApplies) return { allowed: false, reason: 'account', retryAfterMs: Math.max(1, account.blockedUntil.getTime() - now.getTime()) };
  const attempts = account.count + 1;
  const backoff = backoffMs(attempts, policy);
  return {
    allowed: true,
    counters: {
      address: { ...address, count: address.count + 1 },
      pair: { ...pair, count: pair.count + 1 },
      account: { ...account, count: attempts, blockedUntil: backoff > 0 ? new Date(now.getTime() + backoff) : account.blockedUntil },
    },
  };
}

/**
 * The password was right but the second factor was not given yet: this attempt was no guess, so
 * its reservation is given back — but the address's earlier failures stay (only a complete
 * sign-in clears them, or a known password would reset the allowance for guessing codes).
 */
export function releaseReservation(counters: SignInCounters, policy: SignInPolicy = SIGN_IN_POLICY): SignInCounters {
  const { address, account, pair } = counters;
  const attempts = Math.max(0, account.count - 1);
  return {
    address: { ...address, count: Math.max(0, address.count - 1) },
    pair: { ...pair, count: Math.max(0, pair.count - 1) },
    account: { ...account, count: attempts, blockedUntil: attempts < policy.accountFreeAttempts ? null : account.blockedUntil },
  };
}

/**
 * The sign-in succeeded: the attempt was not a guess. Gives back its reservation and forgets
 * this address's failures at this account, there and in the account's count (failures from other
 * addresses, and the back-off they earned, stay).
 */
export function releaseAfterSuccess(counters: SignInCounters, policy: SignInPolicy = SIGN_IN_POLICY): SignInCounters {
  const { address, account, pair } = counters;
  // This address's failures at the account were the user's own typos: they leave the account's count too.
  const attempts = Math.max(0, account.count - pair.count);
  return {
    address: { ...address, count: Math.max(0, address.count - 1) },
    pair: { ...pair, count: 0, blockedUntil: null },
    account: { ...account, count: attempts, blockedUntil: attempts < policy.accountFreeAttempts ? null : account.blockedUntil },
  };
}
