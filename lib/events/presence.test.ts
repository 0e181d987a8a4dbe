import { describe, expect, it } from 'vitest';
import { getPresence, PresenceRegistry } from './presence';

function registry() {
  let t = Date.parse('2026-01-01T00:00:00Z');
  const clock = { advance: (ms: number) => (t += ms) };
  return { presence: new PresenceRegistry(() => t), clock };
}

describe('PresenceRegistry', () => {
  it('lists who is on an article, sorted by name', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'tom', name: 'Tom Becker', openClaimId: null });
    presence.join('a1', { connectionId: 'k2', userId: 'ana', name: 'Ana Souza', openClaimId: 'c1' });
    presence.join('a2', { connectionId: 'k3', userId: 'kofi', name: 'Kofi Mensah', openClaimId: null });
    expect(presence.snapshot('a1')).toEqual([
      { userId: 'ana', name: 'Ana Souza', openClaimId: 'c1', connections: 1, lastSeen: '2026-01-01T00:00:00.000Z' },
      { userId: 'tom', name: 'Tom Becker', openClaimId: null, connections: 1, lastSeen: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(presence.snapshot('nowhere')).toEqual([]);
    expect(presence.isPresent('a2', 'kofi')).toBe(true);
  });

  it('counts a person once across tabs, showing the claim they opened last', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: 'c1' });
    presence.join('a1', { connectionId: 'k2', userId: 'ana', name: 'Ana Souza', openClaimId: 'c2' });
    expect(presence.snapshot('a1')).toMatchObject([{ userId: 'ana', connections: 2, openClaimId: 'c2' }]);
    expect(presence.update('a1', 'ana', 'c3', 'k1')).toBe(true);
    expect(presence.snapshot('a1')[0]!.openClaimId).toBe('c3');
    expect(presence.leave('a1', 'k1')).toBe(true);
    expect(presence.snapshot('a1')).toMatchObject([{ userId: 'ana', connections: 1, openClaimId: 'c2' }]);
  });

  it('a tab without a claim open does not hide another tab’s open claim', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: 'c1' });
    presence.join('a1', { connectionId: 'k2', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    expect(presence.snapshot('a1')[0]!.openClaimId).toBe('c1');
    expect(presence.update('a1', 'ana', null, 'k1')).toBe(true);
    expect(presence.snapshot('a1')[0]!.openClaimId).toBeNull();
  });

  it('updates all of a person’s tabs when no connection is named, and reports real changes only', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    presence.join('a1', { connectionId: 'k2', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    expect(presence.update('a1', 'ana', 'c9')).toBe(true);
    expect(presence.update('a1', 'ana', 'c9')).toBe(false);
    expect(presence.snapshot('a1')[0]!.openClaimId).toBe('c9');
  });

  it('ignores updates for people not present, and connections that are not theirs', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    expect(presence.update('a1', 'tom', 'c1')).toBe(false);
    expect(presence.update('a9', 'ana', 'c1')).toBe(false);
    expect(presence.update('a1', 'tom', 'c1', 'k1')).toBe(false);
    expect(presence.snapshot('a1')[0]!.openClaimId).toBeNull();
  });

  it('removes a person with their last connection; leaving twice changes nothing', () => {
    const { presence } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    expect(presence.leave('a1', 'k1')).toBe(true);
    expect(presence.leave('a1', 'k1')).toBe(false);
    expect(presence.snapshot('a1')).toEqual([]);
    expect(presence.isPresent('a1', 'ana')).toBe(false);
  });

  it('prunes streams not seen recently, keeping touched ones', () => {
    const { presence, clock } = registry();
    presence.join('a1', { connectionId: 'k1', userId: 'ana', name: 'Ana Souza', openClaimId: null });
    presence.join('a1', { connectionId: 'k2', userId: 'tom', name: 'Tom Becker', openClaimId: null });
    presence.join('a2', { connectionId: 'k3', userId: 'kofi', name: 'Kofi Mensah', openClaimId: null });
    clock.advance(30_000);
    presence.touch('a1', 'k2');
    clock.advance(30_000);
    expect(presence.prune(45_000, 'a1')).toEqual(['a1']);
    expect(presence.snapshot('a1').map((v) => v.userId)).toEqual(['tom']);
    expect(presence.snapshot('a1')[0]!.lastSeen).toBe('2026-01-01T00:00:30.000Z');
    expect(presence.prune(45_000)).toEqual(['a2']);
    expect(presence.prune(45_000)).toEqual([]);
  });

  it('is a process-wide singleton', () => {
    expect(getPresence()).toBe(getPresence());
  });
});
