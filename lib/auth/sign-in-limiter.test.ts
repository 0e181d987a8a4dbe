import { describe, expect, it } from 'vitest';
import type { Counter } from '@/lib/domain/rate-limits';
import { backoffMs, releaseAfterSuccess, releaseReservation, reserveAttempt, SIGN_IN_POLICY, signInKeys, type SignInCounters } from './sign-in-limiter';

const T0 = new Date(1_700_000_000_000);
const fresh = (key: string, count = 0, blockedUntil: Date | null = null): Counter => ({ key, count, windowStartedAt: T0, blockedUntil });
const counters = (address = 0, account = 0, pair = 0, blockedUntil: Date | null = null): SignInCounters => ({
  address: fresh('a', address),
  account: fresh('acc', account, blockedUntil),
  pair: fresh('p', pair),
});

describe('sign-in limiter rules', () => {
  it('backs off exponentially from the fifth attempt, capped at 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 14, 15, 40].map((n) => backoffMs(n))).toEqual([0, 0, 1000, 2000, 4000, 8000, 512_000, 900_000, 900_000]);
  });

  it('counts the attempt when it reserves it, and starts the back-off on the fifth', () => {
    const first = reserveAttempt(counters(), T0);
    expect(first).toMatchObject({ allowed: true, counters: { address: { count: 1 }, account: { count: 1, blockedUntil: null }, pair: { count: 1 } } });
    const fifth = reserveAttempt(counters(4, 4, 4), T0);
    expect(fifth.allowed && fifth.counters.account.blockedUntil).toEqual(new Date(T0.getTime() + 1000));
  });

  it('during the back-off refuses addresses that failed at this account, admits clean ones', () => {
    const until = new Date(T0.getTime() + 4000);
    expect(reserveAttempt(counters(5, 7, 5, until), T0)).toEqual({ allowed: false, reason: 'account', retryAfterMs: 4000 });
    const clean = reserveAttempt(counters(0, 7, 0, until), T0);
    expect(clean.allowed).toBe(true);
  });

  it('past the hard limit the back-off applies to every address', () => {
    const until = new Date(T0.getTime() + 60_000);
    expect(reserveAttempt(counters(0, SIGN_IN_POLICY.accountHardLimit, 0, until), T0)).toMatchObject({ allowed: false, reason: 'account' });
  });

  it('caps attempts per address and per address-and-account for the rest of the window', () => {
    const later = new Date(T0.getTime() + 60_000);
    expect(reserveAttempt(counters(SIGN_IN_POLICY.addressLimit, 0, 0), later)).toEqual({ allowed: false, reason: 'address', retryAfterMs: 14 * 60_000 });
    expect(reserveAttempt(counters(0, 0, SIGN_IN_POLICY.pairLimit), later)).toEqual({ allowed: false, reason: 'pair', retryAfterMs: 14 * 60_000 });
  });

  it('a success gives the reservation back and clears this address’s failures at the account', () => {
    const after = releaseAfterSuccess(counters(3, 5, 3));
    expect([after.address.count, after.account.count, after.pair.count]).toEqual([2, 2, 0]);
    expect(after.account.blockedUntil).toBeNull();
    // Back-off others earned stays.
    const until = new Date(T0.getTime() + 8000);
    expect(releaseAfterSuccess(counters(1, 9, 1, until)).account).toMatchObject({ count: 8, blockedUntil: until });
  });

  it('a missing second factor gives the reservation back but keeps earlier failures', () => {
    const after = releaseReservation(counters(3, 3, 3));
    expect([after.address.count, after.account.count, after.pair.count]).toEqual([2, 2, 2]);
    expect(releaseReservation(counters(0, 0, 0)).pair.count).toBe(0);
  });

  it('keys accounts by email, so unknown emails are limited like known ones', () => {
    expect(signInKeys('ana@example.org', '203.0.113.9')).toEqual({
      address: 'sign-in:address:203.0.113.9',
      account: 'sign-in:account:ana@example.org',
      pair: 'sign-in:pair:ana@example.org|203.0.113.9',
    });
    expect(signInKeys('ana@example.org', null).address).toBe('sign-in:address:unknown');
  });
});
